-- Member levels (会员等级): the merchant's ladder by growth value, with each level's benefits. The rank follows the
-- threshold (lowest first); the entry level V0 at 0 always exists.
CREATE TABLE member_level (
    code                       VARCHAR(32)  NOT NULL PRIMARY KEY,
    name                       VARCHAR(32)  NOT NULL,
    growth_threshold           BIGINT       NOT NULL,
    discount_percent           INT          NOT NULL DEFAULT 0 COMMENT 'percent off the items, 0-50',
    points_multiplier_percent  INT          NOT NULL DEFAULT 100 COMMENT '150 = 1.5x points on paid orders',
    free_shipping              TINYINT(1)   NOT NULL DEFAULT 0,
    upgrade_coupon_template_ids VARCHAR(512) NULL COMMENT 'comma-separated; issued by promotion-service on reaching the level',
    birthday_coupon_template_id BIGINT      NULL,
    updated_at                 DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_member_level_threshold (growth_threshold)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO member_level (code, name, growth_threshold, updated_at) VALUES ('V0', '普通会员', 0, CURRENT_TIMESTAMP(3));

-- Every change of growth value, booked once per cause (a redelivered event never grows twice).
CREATE TABLE growth_entry (
    id            BIGINT      NOT NULL PRIMARY KEY,
    member_id     BIGINT      NOT NULL,
    growth_change BIGINT      NOT NULL,
    growth_after  BIGINT      NOT NULL,
    reason        VARCHAR(32) NOT NULL COMMENT 'ORDER_PAID, ORDER_REFUNDED, CHECK_IN, INVITE, OPEN_CARD',
    ref_id        VARCHAR(64) NOT NULL,
    created_at    DATETIME(3) NOT NULL,
    UNIQUE KEY uk_growth_entry_cause (member_id, reason, ref_id),
    KEY idx_growth_entry_member (member_id, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every level change, for the member's history and the merchant's reports.
CREATE TABLE member_level_change (
    id          BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    from_level  VARCHAR(32) NOT NULL,
    to_level    VARCHAR(32) NOT NULL,
    growth      BIGINT      NOT NULL,
    changed_at  DATETIME(3) NOT NULL,
    KEY idx_member_level_change_member (member_id, changed_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Growth rules (one row): per yuan paid and per member brought by a share; check-in growth lives in check_in_rule.
CREATE TABLE growth_rule (
    id                 TINYINT     NOT NULL PRIMARY KEY,
    per_yuan_paid      BIGINT      NOT NULL,
    per_invited_member BIGINT      NOT NULL,
    updated_at         DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO growth_rule (id, per_yuan_paid, per_invited_member, updated_at) VALUES (1, 1, 20, CURRENT_TIMESTAMP(3));

-- What each paid order gave, so a refund takes back exactly its share (and the last refund the remainder).
ALTER TABLE member_paid_order
    ADD COLUMN points_earned   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN growth_earned   BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN points_reversed BIGINT NOT NULL DEFAULT 0,
    ADD COLUMN growth_reversed BIGINT NOT NULL DEFAULT 0;
