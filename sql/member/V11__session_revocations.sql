-- Access tokens voided before they expire (an account disabled or moved, a session logged out): the durable copy of
-- mall-common's SessionRevocations, written to Redis again every minute so a flushed Redis forgets nothing for long.
CREATE TABLE session_revocation (
    holder          VARCHAR(80) NOT NULL PRIMARY KEY COMMENT 'subject:<ROLE>:<id> or session:<refresh family id>',
    void_before_ms  BIGINT      NOT NULL COMMENT 'tokens of the holder issued at or before this epoch millisecond are void',
    updated_at      DATETIME(3) NOT NULL,
    KEY idx_session_revocation_time (void_before_ms)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
