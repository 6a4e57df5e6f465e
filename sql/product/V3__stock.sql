-- Stock per SKU. available can be reserved; reserved is held by unpaid orders; sold is confirmed by payment.
-- MySQL is the source of truth; Redis keeps a copy of available for the hot path.
CREATE TABLE sku_stock (
    sku_id     BIGINT      NOT NULL PRIMARY KEY,
    available  INT         NOT NULL,
    reserved   INT         NOT NULL DEFAULT 0,
    sold       INT         NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL,
    CONSTRAINT ck_stock_available CHECK (available >= 0),
    CONSTRAINT ck_stock_reserved CHECK (reserved >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The reservation ledger: one row per order and SKU; its status moves RESERVED → CONFIRMED or RESERVED → RELEASED once.
CREATE TABLE stock_reservation (
    order_no   VARCHAR(64) NOT NULL,
    sku_id     BIGINT      NOT NULL,
    quantity   INT         NOT NULL,
    status     VARCHAR(16) NOT NULL COMMENT 'RESERVED, CONFIRMED, RELEASED',
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (order_no, sku_id),
    KEY idx_reservation_sku (sku_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every manual change of stock, with who and why.
CREATE TABLE stock_adjustment (
    id              BIGINT       NOT NULL PRIMARY KEY,
    sku_id          BIGINT       NOT NULL,
    delta           INT          NOT NULL,
    available_after INT          NOT NULL,
    reason          VARCHAR(256) NOT NULL,
    operator_id     BIGINT       NULL,
    adjusted_at     DATETIME(3)  NOT NULL,
    KEY idx_adjustment_sku (sku_id, adjusted_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
