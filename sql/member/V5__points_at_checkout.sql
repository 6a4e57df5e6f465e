-- Points spent at checkout: held when the order is placed, confirmed when it is paid, released when it is cancelled;
-- a refund gives back its share of what was confirmed. One hold per order.
CREATE TABLE points_hold (
    order_no   VARCHAR(32) NOT NULL PRIMARY KEY,
    member_id  BIGINT      NOT NULL,
    points     BIGINT      NOT NULL,
    returned   BIGINT      NOT NULL DEFAULT 0,
    status     VARCHAR(16) NOT NULL COMMENT 'HELD, CONFIRMED, RELEASED',
    created_at DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL,
    KEY idx_points_hold_member (member_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The merchant's points settings (one row): how many points make a yuan at checkout and how much of an order they
-- may pay.
CREATE TABLE points_setting (
    id                 TINYINT     NOT NULL PRIMARY KEY,
    points_per_yuan    BIGINT      NOT NULL,
    max_deduct_percent INT         NOT NULL,
    updated_at         DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO points_setting (id, points_per_yuan, max_deduct_percent, updated_at) VALUES (1, 100, 50, CURRENT_TIMESTAMP(3));
