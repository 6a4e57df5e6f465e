-- Shared by every service (packaged into mall-common, applied by each service's Flyway before its own V1..).
-- Versions 0.x are reserved for these tables; a new shared migration needs spring.flyway.out-of-order in services
-- that already moved past it.

-- Events published with the state change that caused them, relayed to RocketMQ after commit.
CREATE TABLE outbox_event (
    id              BIGINT       NOT NULL PRIMARY KEY,
    event_id        VARCHAR(64)  NOT NULL,
    topic           VARCHAR(128) NOT NULL,
    event_type      VARCHAR(128) NOT NULL,
    event_key       VARCHAR(128) NOT NULL,
    body            MEDIUMTEXT   NOT NULL,
    deliver_at      DATETIME(3)  NULL COMMENT 'for timers: when the message is due',
    status          VARCHAR(16)  NOT NULL DEFAULT 'NEW' COMMENT 'NEW, SENT, FAILED',
    attempts        INT          NOT NULL DEFAULT 0,
    next_attempt_at DATETIME(3)  NOT NULL,
    last_error      VARCHAR(1000) NULL,
    created_at      DATETIME(3)  NOT NULL,
    sent_at         DATETIME(3)  NULL,
    UNIQUE KEY uk_outbox_event_id (event_id),
    KEY idx_outbox_pending (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- What each consumer has already handled: written in the same transaction as the handler's effect.
CREATE TABLE consumed_event (
    consumer    VARCHAR(128) NOT NULL,
    event_id    VARCHAR(64)  NOT NULL,
    event_type  VARCHAR(128) NOT NULL,
    consumed_at DATETIME(3)  NOT NULL,
    PRIMARY KEY (consumer, event_id)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;

-- Idempotency keys of writes with money or stock effects: a repeat returns the first result.
CREATE TABLE idempotency_record (
    scope         VARCHAR(64)  NOT NULL COMMENT 'operation, e.g. order.submit',
    owner_id      BIGINT       NOT NULL COMMENT 'the caller the key belongs to',
    idem_key      VARCHAR(128) NOT NULL,
    request_hash  VARCHAR(64)  NOT NULL,
    status        VARCHAR(16)  NOT NULL COMMENT 'IN_PROGRESS, DONE',
    response_code INT          NULL,
    response_body MEDIUMTEXT   NULL,
    created_at    DATETIME(3)  NOT NULL,
    updated_at    DATETIME(3)  NOT NULL,
    PRIMARY KEY (scope, owner_id, idem_key)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
