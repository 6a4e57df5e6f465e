-- Subscription messages (订阅消息). Which WeChat template serves each kind of message (the merchant registers the
-- templates in the WeChat back office; their fields must match what the mall sends, see README).
CREATE TABLE subscription_template (
    kind        VARCHAR(32)  NOT NULL PRIMARY KEY COMMENT 'ORDER_PAID, ORDER_SHIPPED, GROUP_BUY_SUCCEEDED, ...',
    template_id VARCHAR(64)  NOT NULL,
    page        VARCHAR(256) NULL COMMENT 'the mini-program page the message opens',
    enabled     TINYINT(1)   NOT NULL DEFAULT 1,
    updated_at  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_subscription_template_id (template_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO subscription_template (kind, template_id, page, enabled, updated_at) VALUES
    ('ORDER_PAID', 'tpl-order-paid', 'pages/order/detail', 1, CURRENT_TIMESTAMP(3)),
    ('ORDER_SHIPPED', 'tpl-order-shipped', 'pages/order/detail', 1, CURRENT_TIMESTAMP(3)),
    ('GROUP_BUY_SUCCEEDED', 'tpl-group-buy-succeeded', 'pages/group-buy/detail', 1, CURRENT_TIMESTAMP(3)),
    ('GROUP_BUY_FAILED', 'tpl-group-buy-failed', 'pages/group-buy/detail', 1, CURRENT_TIMESTAMP(3)),
    ('COUPON_EXPIRING', 'tpl-coupon-expiring', 'pages/coupon/mine', 1, CURRENT_TIMESTAMP(3)),
    ('PRICE_DROPPED', 'tpl-price-dropped', 'pages/product/detail', 1, CURRENT_TIMESTAMP(3)),
    ('LEVEL_UP', 'tpl-level-up', 'pages/member/index', 1, CURRENT_TIMESTAMP(3)),
    ('CAMPAIGN', 'tpl-campaign', 'pages/index/index', 1, CURRENT_TIMESTAMP(3));

-- Each acceptance in the mini-program allows one send of that template to that member.
CREATE TABLE subscription_acceptance (
    id          BIGINT      NOT NULL PRIMARY KEY,
    member_id   BIGINT      NOT NULL,
    template_id VARCHAR(64) NOT NULL,
    accepted_at DATETIME(3) NOT NULL,
    used_at     DATETIME(3) NULL,
    used_for    VARCHAR(96) NULL COMMENT 'the cause of the send that used it',
    KEY idx_subscription_acceptance_unused (member_id, template_id, used_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Every send attempt, once per (member, cause): a redelivered event never sends twice.
CREATE TABLE subscription_send (
    id          BIGINT       NOT NULL PRIMARY KEY,
    member_id   BIGINT       NOT NULL,
    template_id VARCHAR(64)  NOT NULL,
    cause       VARCHAR(96)  NOT NULL COMMENT 'event type and reference, or push:<id>',
    status      VARCHAR(16)  NOT NULL COMMENT 'PENDING, SENT, SKIPPED (no acceptance), FAILED',
    error_code  INT          NULL,
    created_at  DATETIME(3)  NOT NULL,
    UNIQUE KEY uk_subscription_send_cause (member_id, cause)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Merchant pushes to a segment, with their counts.
CREATE TABLE subscription_push (
    id          BIGINT       NOT NULL PRIMARY KEY,
    kind        VARCHAR(32)  NOT NULL,
    segment     VARCHAR(256) NOT NULL,
    targeted    INT          NOT NULL,
    sent        INT          NOT NULL,
    skipped     INT          NOT NULL,
    failed      INT          NOT NULL,
    created_by  BIGINT       NULL,
    created_at  DATETIME(3)  NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Merchant tags on members (segments for pushes and banners).
CREATE TABLE member_tag (
    member_id  BIGINT      NOT NULL,
    tag        VARCHAR(32) NOT NULL,
    created_at DATETIME(3) NOT NULL,
    PRIMARY KEY (member_id, tag),
    KEY idx_member_tag_tag (tag)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
