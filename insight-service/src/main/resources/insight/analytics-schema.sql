-- The analytical store (DuckDB). Times are UTC; "day" is the Asia/Shanghai business day of the fact.
-- Every table is keyed by the fact's own id, and every write is INSERT OR IGNORE: a fact arriving twice counts once.

-- What shoppers did in the mini-program (POST /api/events). subject: the member, else the device.
CREATE TABLE IF NOT EXISTS behavior_event (
    event_id    VARCHAR PRIMARY KEY,
    type        VARCHAR NOT NULL,
    member_id   BIGINT,
    device_id   VARCHAR,
    subject     VARCHAR NOT NULL,
    page        VARCHAR,
    ref_page    VARCHAR,
    scene       INTEGER,
    channel     VARCHAR,
    sharer_id   BIGINT,
    spu_id      BIGINT,
    props       VARCHAR,
    occurred_at TIMESTAMP NOT NULL,
    day         DATE NOT NULL,
    received_at TIMESTAMP NOT NULL
);

-- Members as they registered, with their first touch (MemberRegistered).
CREATE TABLE IF NOT EXISTS member_fact (
    member_id     BIGINT PRIMARY KEY,
    registered_at TIMESTAMP NOT NULL,
    day           DATE NOT NULL,
    scene         INTEGER,
    channel       VARCHAR,
    inviter_id    BIGINT,
    store_id      BIGINT,
    guide_id      BIGINT
);

-- Paid orders (OrderPaid).
CREATE TABLE IF NOT EXISTS order_fact (
    order_no   VARCHAR PRIMARY KEY,
    member_id  BIGINT NOT NULL,
    paid_at    TIMESTAMP NOT NULL,
    day        DATE NOT NULL,
    pay_amount BIGINT NOT NULL,
    coupon_id  BIGINT
);
