-- What promotions know of members' purchases, from member- and order-service events: first-purchase eligibility.
CREATE TABLE member_purchase_fact (
    member_id     BIGINT      NOT NULL PRIMARY KEY,
    registered_at DATETIME(3) NULL,
    paid_orders   INT         NOT NULL DEFAULT 0,
    first_paid_at DATETIME(3) NULL,
    updated_at    DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- First-purchase activities (首购): special prices per SKU for members who have never paid, within N days of registering.
CREATE TABLE first_purchase_activity (
    id                       BIGINT      NOT NULL PRIMARY KEY,
    name                     VARCHAR(64) NOT NULL,
    starts_at                DATETIME(3) NOT NULL,
    ends_at                  DATETIME(3) NOT NULL,
    within_days_of_joining   INT         NOT NULL,
    status                   VARCHAR(16) NOT NULL COMMENT 'ACTIVE, STOPPED',
    created_by               BIGINT      NULL,
    created_at               DATETIME(3) NOT NULL,
    updated_at               DATETIME(3) NOT NULL,
    KEY idx_first_purchase_active (status, ends_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE first_purchase_price (
    activity_id BIGINT NOT NULL,
    sku_id      BIGINT NOT NULL,
    price       BIGINT NOT NULL,
    PRIMARY KEY (activity_id, sku_id),
    KEY idx_first_purchase_price_sku (sku_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The one order a member takes the first-purchase price on: the primary key lets only one order hold it; a cancelled
-- order deletes its claim (the chance comes back); a paid one marks it USED.
CREATE TABLE first_purchase_claim (
    member_id   BIGINT      NOT NULL PRIMARY KEY,
    activity_id BIGINT      NOT NULL,
    order_no    VARCHAR(32) NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'HELD, USED',
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_first_purchase_claim_order (order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
