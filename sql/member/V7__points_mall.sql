-- The points mall (积分商城): items bought with points. COUPON items are issued by promotion-service; stock and each
-- member's count are taken by guarded updates so no item is exchanged beyond its stock or a member's limit.
CREATE TABLE points_mall_item (
    id                 BIGINT       NOT NULL PRIMARY KEY,
    name               VARCHAR(64)  NOT NULL,
    kind               VARCHAR(16)  NOT NULL COMMENT 'COUPON',
    coupon_template_id BIGINT       NULL,
    image              VARCHAR(512) NULL,
    points_price       BIGINT       NOT NULL,
    stock_total        INT          NOT NULL,
    stock_left         INT          NOT NULL,
    per_member_limit   INT          NOT NULL,
    status             VARCHAR(16)  NOT NULL COMMENT 'ON_SHELF, OFF_SHELF',
    created_by         BIGINT       NULL,
    created_at         DATETIME(3)  NOT NULL,
    updated_at         DATETIME(3)  NOT NULL,
    CONSTRAINT ck_points_mall_stock CHECK (stock_left >= 0),
    KEY idx_points_mall_item_shelf (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE points_mall_quota (
    item_id   BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    used      INT    NOT NULL,
    PRIMARY KEY (item_id, member_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Each exchange: PENDING once points, stock and quota are taken; DONE when the coupon is issued; FAILED (everything
-- given back) when promotion-service refuses it. PENDING ones whose issue could not be confirmed are retried.
CREATE TABLE points_exchange (
    id         BIGINT       NOT NULL PRIMARY KEY,
    item_id    BIGINT       NOT NULL,
    member_id  BIGINT       NOT NULL,
    points     BIGINT       NOT NULL,
    status     VARCHAR(16)  NOT NULL COMMENT 'PENDING, DONE, FAILED',
    coupon_id  BIGINT       NULL,
    failure    VARCHAR(64)  NULL,
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    KEY idx_points_exchange_member (member_id, created_at),
    KEY idx_points_exchange_pending (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
