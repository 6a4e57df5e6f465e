-- Carts: one row per member and SKU.
CREATE TABLE cart_item (
    member_id  BIGINT      NOT NULL,
    sku_id     BIGINT      NOT NULL,
    quantity   INT         NOT NULL,
    selected   TINYINT(1)  NOT NULL DEFAULT 1,
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The merchant's freight rule (one row): a flat fee, free from a threshold; store pick-up is always free.
CREATE TABLE freight_rule (
    id             TINYINT     NOT NULL PRIMARY KEY,
    flat_fee       BIGINT      NOT NULL COMMENT 'fen',
    free_threshold BIGINT      NULL COMMENT 'fen; items amount from which delivery is free',
    updated_by     BIGINT      NULL,
    updated_at     DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO freight_rule (id, flat_fee, free_threshold, updated_at) VALUES (1, 1000, 9900, CURRENT_TIMESTAMP(3));

-- Orders. Status moves only by conditional updates: UNPAID → PAID → SHIPPED → COMPLETED, UNPAID → CANCELLED.
CREATE TABLE orders (
    order_no        VARCHAR(32)  NOT NULL PRIMARY KEY,
    member_id       BIGINT       NOT NULL,
    status          VARCHAR(16)  NOT NULL,
    items_amount    BIGINT       NOT NULL COMMENT 'fen',
    discount_amount BIGINT       NOT NULL,
    points_used     BIGINT       NOT NULL DEFAULT 0,
    points_amount   BIGINT       NOT NULL DEFAULT 0,
    freight         BIGINT       NOT NULL,
    pay_amount      BIGINT       NOT NULL,
    delivery        VARCHAR(16)  NOT NULL COMMENT 'EXPRESS, PICKUP',
    address         VARCHAR(1024) NULL COMMENT 'JSON {name, phone, region, detail}',
    pickup_store_id BIGINT       NULL,
    coupon_id       BIGINT       NULL,
    remark          VARCHAR(256) NULL,
    expires_at      DATETIME(3)  NOT NULL,
    prepay_id       VARCHAR(64)  NULL,
    transaction_id  VARCHAR(64)  NULL,
    paid_at         DATETIME(3)  NULL,
    cancelled_at    DATETIME(3)  NULL,
    cancel_reason   VARCHAR(64)  NULL,
    created_at      DATETIME(3)  NOT NULL,
    updated_at      DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_orders_transaction (transaction_id),
    KEY idx_orders_member (member_id, created_at),
    KEY idx_orders_status_expiry (status, expires_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What was bought, as it was when bought.
CREATE TABLE order_line (
    id         BIGINT       NOT NULL PRIMARY KEY,
    order_no   VARCHAR(32)  NOT NULL,
    sku_id     BIGINT       NOT NULL,
    spu_id     BIGINT       NOT NULL,
    name       VARCHAR(128) NOT NULL,
    spec_text  VARCHAR(256) NOT NULL,
    image      VARCHAR(512) NOT NULL,
    price      BIGINT       NOT NULL,
    quantity   INT          NOT NULL,
    amount     BIGINT       NOT NULL COMMENT 'price x quantity, before discounts',
    KEY idx_line_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_discount (
    id       BIGINT      NOT NULL PRIMARY KEY,
    order_no VARCHAR(32) NOT NULL,
    kind     VARCHAR(32) NOT NULL,
    label    VARCHAR(64) NOT NULL,
    amount   BIGINT      NOT NULL,
    KEY idx_discount_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE order_status_history (
    id          BIGINT      NOT NULL PRIMARY KEY,
    order_no    VARCHAR(32) NOT NULL,
    from_status VARCHAR(16) NULL,
    to_status   VARCHAR(16) NOT NULL,
    reason      VARCHAR(64) NOT NULL,
    changed_at  DATETIME(3) NOT NULL,
    KEY idx_history_order (order_no, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every payment notification received: verified or not, and what came of it (the security log of payments).
CREATE TABLE payment_notification (
    id             BIGINT       NOT NULL PRIMARY KEY,
    transaction_id VARCHAR(64)  NULL,
    order_no       VARCHAR(32)  NULL,
    amount         BIGINT       NULL,
    outcome        VARCHAR(32)  NOT NULL COMMENT 'PAID, DUPLICATE, REFUNDED_LATE, REJECTED_*',
    detail         VARCHAR(256) NULL,
    received_at    DATETIME(3)  NOT NULL,
    KEY idx_notification_tx (transaction_id),
    KEY idx_notification_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Refunds at WeChat Pay (here: of orders paid after they were cancelled; shopper refunds come next).
CREATE TABLE refund (
    refund_no  VARCHAR(32)  NOT NULL PRIMARY KEY,
    order_no   VARCHAR(32)  NOT NULL,
    amount     BIGINT       NOT NULL,
    reason     VARCHAR(64)  NOT NULL,
    status     VARCHAR(16)  NOT NULL COMMENT 'PROCESSING, SUCCESS, FAILED',
    refund_id  VARCHAR(64)  NULL COMMENT 'WeChat Pay refund id',
    created_at DATETIME(3)  NOT NULL,
    updated_at DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_refund_order_reason (order_no, reason)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
