-- The 24-hour wake-up (seed 001): a member who visited without buying gets at most one subscription message a day,
-- while the visit is within the window; the merchant switches it on and words it. One rule for the mall.
CREATE TABLE wake_up_rule (
    id           TINYINT       NOT NULL PRIMARY KEY,
    enabled      TINYINT(1)    NOT NULL DEFAULT 0,
    data         VARCHAR(1000) NOT NULL COMMENT 'the template fields the message carries, JSON: {"thing1": "..."}',
    within_hours INT           NOT NULL DEFAULT 24 COMMENT 'a visit older than this gets no message',
    updated_by   BIGINT        NULL,
    updated_at   DATETIME(3)   NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO wake_up_rule (id, enabled, data, within_hours, updated_at)
VALUES (1, 0, '{"thing1":"您看中的好物还在","thing2":"回来看看，优惠不等人"}', 24, CURRENT_TIMESTAMP(3));
INSERT INTO subscription_template (kind, template_id, page, enabled, updated_at)
VALUES ('WAKE_UP', 'tpl-wake-up', 'pages/index/index', 1, CURRENT_TIMESTAMP(3));
