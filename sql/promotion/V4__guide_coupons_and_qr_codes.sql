-- Which guide each member belongs to, as member-service announces it (MemberBoundToGuide): guides issue coupons only
-- to their own customers.
CREATE TABLE guide_customer (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    guide_id   BIGINT      NOT NULL,
    store_id   BIGINT      NOT NULL,
    bound_at   DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    KEY idx_guide_customer_guide (guide_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- How many coupons of a template a guide may hand out; used grows by one guarded update per issue.
CREATE TABLE guide_coupon_quota (
    guide_id    BIGINT      NOT NULL,
    template_id BIGINT      NOT NULL,
    quota       INT         NOT NULL,
    used        INT         NOT NULL DEFAULT 0,
    updated_by  BIGINT      NULL,
    updated_at  DATETIME(3) NOT NULL,
    PRIMARY KEY (guide_id, template_id),
    CONSTRAINT ck_guide_quota_used CHECK (used >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The audit trail of guides' issues.
CREATE TABLE guide_coupon_issue (
    id          BIGINT      NOT NULL PRIMARY KEY,
    guide_id    BIGINT      NOT NULL,
    store_id    BIGINT      NULL,
    member_id   BIGINT      NOT NULL,
    template_id BIGINT      NOT NULL,
    coupon_id   BIGINT      NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'ISSUED, REFUSED',
    failure     VARCHAR(64) NULL,
    created_at  DATETIME(3) NOT NULL,
    KEY idx_guide_coupon_issue_guide (guide_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Mini-program codes (一物一码) made by guides: the scene names this row; scanning binds to the guide and store and
-- hands over the template's coupon once per member.
CREATE TABLE guide_qrcode (
    id          BIGINT      NOT NULL PRIMARY KEY,
    scene       VARCHAR(32) NOT NULL,
    guide_id    BIGINT      NOT NULL,
    store_id    BIGINT      NOT NULL,
    template_id BIGINT      NULL,
    created_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_guide_qrcode_scene (scene),
    KEY idx_guide_qrcode_guide (guide_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The coupon offered on the pay-success page (one row): given once per paid order.
CREATE TABLE pay_success_offer (
    id          TINYINT     NOT NULL PRIMARY KEY,
    template_id BIGINT      NULL,
    enabled     TINYINT(1)  NOT NULL,
    updated_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO pay_success_offer (id, template_id, enabled, updated_at) VALUES (1, NULL, 0, CURRENT_TIMESTAMP(3));
