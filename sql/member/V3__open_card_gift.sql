-- The open-card gift (开卡有礼): what a member gets once, on registering or on binding a phone.
CREATE TABLE open_card_gift (
    id         TINYINT     NOT NULL PRIMARY KEY,
    trigger_on VARCHAR(16) NOT NULL COMMENT 'REGISTERED, PHONE_BOUND',
    points     BIGINT      NOT NULL,
    growth     BIGINT      NOT NULL,
    enabled    TINYINT(1)  NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
INSERT INTO open_card_gift (id, trigger_on, points, growth, enabled, updated_at) VALUES (1, 'PHONE_BOUND', 100, 10, 1, CURRENT_TIMESTAMP(3));

CREATE TABLE open_card_gift_given (
    member_id BIGINT      NOT NULL PRIMARY KEY,
    points    BIGINT      NOT NULL,
    growth    BIGINT      NOT NULL,
    given_at  DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
