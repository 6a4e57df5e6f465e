-- Repurchase rules (复购): after a member's Nth paid order, a coupon valid from day X to day Y after it (to match the
-- repurchase interval), or extra points for an order placed within N days of the member's previous paid order.
CREATE TABLE repurchase_rule (
    id                        BIGINT      NOT NULL PRIMARY KEY,
    name                      VARCHAR(64) NOT NULL,
    kind                      VARCHAR(24) NOT NULL COMMENT 'COUPON_AFTER_NTH_ORDER, POINTS_WITHIN_WINDOW',
    nth_order                 INT         NULL,
    coupon_template_id        BIGINT      NULL,
    valid_from_day            INT         NULL,
    valid_to_day              INT         NULL,
    window_days               INT         NULL,
    points_multiplier_percent INT         NULL,
    status                    VARCHAR(16) NOT NULL COMMENT 'ACTIVE, STOPPED',
    created_by                BIGINT      NULL,
    created_at                DATETIME(3) NOT NULL,
    updated_at                DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Paid orders as repurchase rules count them: the member's Nth paid order is its place in this table.
CREATE TABLE repurchase_paid_order (
    order_no  VARCHAR(32) NOT NULL PRIMARY KEY,
    member_id BIGINT      NOT NULL,
    paid_at   DATETIME(3) NOT NULL,
    KEY idx_repurchase_paid_member (member_id, paid_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Points rewards already announced, once per rule and order (a late, earlier order makes later ones be looked at again).
CREATE TABLE repurchase_points_reward (
    rule_id  BIGINT      NOT NULL,
    order_no VARCHAR(32) NOT NULL,
    PRIMARY KEY (rule_id, order_no)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- One row per member, locked while their paid order is counted: their orders' events may be handled at the same time
-- by several consumer threads, and each must see the others' orders to know its place.
CREATE TABLE repurchase_member (
    member_id BIGINT NOT NULL PRIMARY KEY
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
