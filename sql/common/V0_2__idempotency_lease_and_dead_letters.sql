-- A claimed Idempotency-Key is a lease: a retry after it ran out (the first request's process died) takes the key over.
ALTER TABLE idempotency_record ADD COLUMN lease_until DATETIME(3) NULL COMMENT 'IN_PROGRESS: the claim holds until then';

-- Messages a consumer could not read or handle after its retries: parked here, never dropped; listed and replayed by
-- an operator (GET /admin/dead-letters, POST /admin/dead-letters/{id}/replay on each service).
CREATE TABLE dead_letter (
    id          BIGINT        NOT NULL PRIMARY KEY,
    consumer    VARCHAR(128)  NOT NULL COMMENT 'the consumer group',
    topic       VARCHAR(128)  NOT NULL,
    tag         VARCHAR(128)  NULL,
    message_id  VARCHAR(128)  NOT NULL COMMENT 'RocketMQ message id',
    event_id    VARCHAR(64)   NULL COMMENT 'null when the envelope itself was unreadable',
    event_type  VARCHAR(128)  NULL,
    body        MEDIUMTEXT    NOT NULL,
    reason      VARCHAR(16)   NOT NULL COMMENT 'UNREADABLE, FAILED',
    error       VARCHAR(1000) NOT NULL,
    deliveries  INT           NOT NULL,
    status      VARCHAR(16)   NOT NULL COMMENT 'PARKED, REPLAYED',
    created_at  DATETIME(3)   NOT NULL,
    replayed_at DATETIME(3)   NULL,
    UNIQUE KEY uk_dead_letter_message (consumer, message_id),
    KEY idx_dead_letter_status (status, created_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
