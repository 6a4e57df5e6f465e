-- Coupon templates: what a coupon is worth, where it applies, how long it lasts, how many exist and per member.
CREATE TABLE coupon_template (
    id               BIGINT        NOT NULL PRIMARY KEY,
    name             VARCHAR(64)   NOT NULL,
    type             VARCHAR(16)   NOT NULL COMMENT 'FULL_REDUCTION, DISCOUNT, NO_THRESHOLD',
    threshold_amount BIGINT        NOT NULL DEFAULT 0 COMMENT 'fen',
    amount_off       BIGINT        NULL COMMENT 'fen',
    percent_off      INT           NULL COMMENT '1..99',
    max_off          BIGINT        NULL COMMENT 'fen, cap of a DISCOUNT',
    scope            VARCHAR(16)   NOT NULL COMMENT 'ALL, CATEGORY, SPU',
    scope_ids        VARCHAR(2048) NOT NULL DEFAULT '' COMMENT 'comma-separated category or SPU ids',
    valid_from       DATETIME(3)   NULL,
    valid_to         DATETIME(3)   NULL,
    valid_days       INT           NULL COMMENT 'or: valid for N days from claiming',
    total_quantity   INT           NOT NULL,
    issued_quantity  INT           NOT NULL DEFAULT 0,
    per_member_limit INT           NOT NULL,
    channels         VARCHAR(128)  NOT NULL COMMENT 'CLAIM_CENTRE, GUIDE, STORE_QR, SYSTEM, PAY_SUCCESS',
    status           VARCHAR(16)   NOT NULL COMMENT 'ACTIVE, STOPPED',
    created_by       BIGINT        NULL,
    created_at       DATETIME(3)   NOT NULL,
    updated_at       DATETIME(3)   NOT NULL,
    CONSTRAINT ck_template_issued CHECK (issued_quantity <= total_quantity)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- A member's coupon. (template_id, member_id, claim_seq) is unique: the n-th claim of a member exists once, so the
-- per-member limit holds even if Redis is wrong.
CREATE TABLE coupon (
    id          BIGINT      NOT NULL PRIMARY KEY,
    template_id BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    claim_seq   INT         NOT NULL,
    channel     VARCHAR(16) NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'UNUSED, LOCKED, USED, EXPIRED',
    valid_from  DATETIME(3) NOT NULL,
    valid_to    DATETIME(3) NOT NULL,
    order_no    VARCHAR(32) NULL,
    claimed_at  DATETIME(3) NOT NULL,
    locked_at   DATETIME(3) NULL,
    used_at     DATETIME(3) NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_coupon_claim (template_id, member_id, claim_seq),
    KEY idx_coupon_member (member_id, status, valid_to),
    KEY idx_coupon_expiry (status, valid_to)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
