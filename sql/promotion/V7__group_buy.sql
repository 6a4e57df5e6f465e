-- Group-buy (拼团): activities on one SKU at a group price; groups a leader opens and friends join; seats bound to
-- orders. A seat is taken when its order is placed (HELD) and counts when the order is paid (PAID); the group's
-- seats_taken never passes its size (a guarded update under the group's row lock, and a CHECK as the backstop).
CREATE TABLE group_buy_activity (
    id                 BIGINT      NOT NULL PRIMARY KEY,
    name               VARCHAR(64) NOT NULL,
    sku_id             BIGINT      NOT NULL,
    group_price        BIGINT      NOT NULL,
    group_size         INT         NOT NULL,
    duration_minutes   INT         NOT NULL,
    per_member_limit   INT         NOT NULL,
    new_members_only   TINYINT(1)  NOT NULL,
    virtual_completion TINYINT(1)  NOT NULL,
    starts_at          DATETIME(3) NOT NULL,
    ends_at            DATETIME(3) NOT NULL,
    status             VARCHAR(16) NOT NULL COMMENT 'ACTIVE, STOPPED',
    created_by         BIGINT      NULL,
    created_at         DATETIME(3) NOT NULL,
    updated_at         DATETIME(3) NOT NULL,
    KEY idx_group_buy_activity_sku (sku_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE group_buy_group (
    id               BIGINT      NOT NULL PRIMARY KEY,
    activity_id      BIGINT      NOT NULL,
    leader_member_id BIGINT      NOT NULL,
    group_size       INT         NOT NULL,
    seats_taken      INT         NOT NULL,
    seats_paid       INT         NOT NULL DEFAULT 0,
    status           VARCHAR(16) NOT NULL COMMENT 'OPEN, SUCCEEDED, FAILED',
    virtual_completed TINYINT(1) NOT NULL DEFAULT 0,
    expires_at       DATETIME(3) NOT NULL,
    finished_at      DATETIME(3) NULL,
    created_at       DATETIME(3) NOT NULL,
    updated_at       DATETIME(3) NOT NULL,
    CONSTRAINT ck_group_buy_seats CHECK (seats_taken <= group_size AND seats_paid <= seats_taken AND seats_paid >= 0),
    KEY idx_group_buy_group_activity (activity_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

CREATE TABLE group_buy_seat (
    id          BIGINT      NOT NULL PRIMARY KEY,
    group_id    BIGINT      NOT NULL,
    activity_id BIGINT      NOT NULL,
    member_id   BIGINT      NOT NULL,
    order_no    VARCHAR(32) NOT NULL,
    leader      TINYINT(1)  NOT NULL,
    status      VARCHAR(16) NOT NULL COMMENT 'HELD, PAID, RELEASED',
    created_at  DATETIME(3) NOT NULL,
    updated_at  DATETIME(3) NOT NULL,
    UNIQUE KEY uk_group_buy_seat_order (order_no),
    KEY idx_group_buy_seat_group (group_id, status),
    KEY idx_group_buy_seat_member (member_id, activity_id, status)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
