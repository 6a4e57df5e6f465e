-- The checkout saga of each order attempt, written before its first step runs: what it will take (stock always; the
-- group-buy seat, first-purchase claim, coupon and points when the quote uses them). A saga ends COMPLETED in the same
-- transaction that writes its order, or COMPENSATED once everything it may have taken was given back. A process that
-- dies mid-way leaves it STARTED; the recovery job compensates it after its deadline. Status moves by guarded updates.
CREATE TABLE checkout_saga (
    order_no          VARCHAR(32)   NOT NULL PRIMARY KEY,
    member_id         BIGINT        NOT NULL,
    status            VARCHAR(16)   NOT NULL COMMENT 'STARTED, COMPLETED, COMPENSATING, COMPENSATED',
    takes_seat        TINYINT(1)    NOT NULL DEFAULT 0,
    first_purchase    TINYINT(1)    NOT NULL DEFAULT 0,
    coupon_id         BIGINT        NULL,
    points            BIGINT        NOT NULL DEFAULT 0,
    attempts          INT           NOT NULL DEFAULT 0 COMMENT 'compensation attempts',
    next_attempt_at   DATETIME(3)   NOT NULL COMMENT 'STARTED: the deadline; COMPENSATING: the next try',
    last_error        VARCHAR(1000) NULL,
    created_at        DATETIME(3)   NOT NULL,
    updated_at        DATETIME(3)   NOT NULL,
    KEY idx_checkout_saga_due (status, next_attempt_at)
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
