-- Points: an account per member and a ledger of every change. The balance never goes below zero (guarded updates
-- and a CHECK), and each (member, type, reason, reference) is booked once however often its cause is delivered.
CREATE TABLE points_account (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    balance    BIGINT      NOT NULL DEFAULT 0,
    updated_at DATETIME(3) NOT NULL,
    CONSTRAINT ck_points_balance CHECK (balance >= 0)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE points_entry (
    id            BIGINT      NOT NULL PRIMARY KEY,
    member_id     BIGINT      NOT NULL,
    type          VARCHAR(16) NOT NULL COMMENT 'EARN, SPEND, HOLD, RELEASE, EXPIRE, REVERSE',
    points_change BIGINT      NOT NULL,
    balance_after BIGINT      NOT NULL,
    reason        VARCHAR(32) NOT NULL COMMENT 'CHECK_IN, ORDER_PAID, EXCHANGE, ...',
    ref_id        VARCHAR(64) NOT NULL COMMENT 'what caused it: a day, an order number, ...',
    created_at    DATETIME(3) NOT NULL,
    UNIQUE KEY uk_points_entry_cause (member_id, type, reason, ref_id),
    KEY idx_points_entry_member (member_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Check-ins: one row per member and Shanghai day; the streak counts consecutive days.
CREATE TABLE check_in (
    member_id  BIGINT      NOT NULL,
    day        DATE        NOT NULL,
    streak     INT         NOT NULL,
    points     BIGINT      NOT NULL,
    growth     BIGINT      NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, day)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- The merchant's reward table by streak day; a streak longer than the table keeps the last day's reward.
CREATE TABLE check_in_rule (
    streak_day INT         NOT NULL PRIMARY KEY,
    points     BIGINT      NOT NULL,
    growth     BIGINT      NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO check_in_rule (streak_day, points, growth, updated_at) VALUES
    (1, 5, 1, CURRENT_TIMESTAMP(3)), (2, 5, 1, CURRENT_TIMESTAMP(3)), (3, 10, 2, CURRENT_TIMESTAMP(3)),
    (4, 10, 2, CURRENT_TIMESTAMP(3)), (5, 15, 3, CURRENT_TIMESTAMP(3)), (6, 15, 3, CURRENT_TIMESTAMP(3)),
    (7, 30, 5, CURRENT_TIMESTAMP(3));

-- Paid orders already counted into a member's purchase summary (an order is counted once, whatever is re-sent).
CREATE TABLE member_paid_order (
    order_no  VARCHAR(32) NOT NULL PRIMARY KEY,
    member_id BIGINT      NOT NULL,
    amount    BIGINT      NOT NULL,
    paid_at   DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
