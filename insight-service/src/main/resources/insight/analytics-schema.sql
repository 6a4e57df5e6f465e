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

-- Which member a device belongs to: the first member whose batch carried the device's id (identity stitching).
CREATE TABLE IF NOT EXISTS device_member (
    device_id VARCHAR PRIMARY KEY,
    member_id BIGINT NOT NULL,
    linked_at TIMESTAMP NOT NULL
);

-- Behavior as the reports see it: a device's events before its member logged in are that member's.
-- visitor: 'm:<member>' when the member is known, else 'd:<device>'.
CREATE OR REPLACE VIEW stitched_event AS
SELECT b.*,
       COALESCE(b.member_id, d.member_id) AS visitor_member_id,
       CASE WHEN COALESCE(b.member_id, d.member_id) IS NULL THEN b.subject
            ELSE 'm:' || CAST(COALESCE(b.member_id, d.member_id) AS VARCHAR) END AS visitor
FROM behavior_event b
LEFT JOIN device_member d ON b.member_id IS NULL AND d.device_id = b.device_id;

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

-- Paid orders (OrderPaid), with what brought them as order-service stamped it at submit: the guide the member was
-- bound to and the guide's store, the member whose share brought the shopper, the launch scene and channel.
CREATE TABLE IF NOT EXISTS order_fact (
    order_no   VARCHAR PRIMARY KEY,
    member_id  BIGINT NOT NULL,
    paid_at    TIMESTAMP NOT NULL,
    day        DATE NOT NULL,
    pay_amount BIGINT NOT NULL,
    coupon_id  BIGINT,
    guide_id   BIGINT,
    store_id   BIGINT,
    sharer_id  BIGINT,
    scene      INTEGER,
    channel    VARCHAR
);
-- stores made before orders carried their attribution
ALTER TABLE order_fact ADD COLUMN IF NOT EXISTS guide_id BIGINT;
ALTER TABLE order_fact ADD COLUMN IF NOT EXISTS store_id BIGINT;
ALTER TABLE order_fact ADD COLUMN IF NOT EXISTS sharer_id BIGINT;
ALTER TABLE order_fact ADD COLUMN IF NOT EXISTS scene INTEGER;
ALTER TABLE order_fact ADD COLUMN IF NOT EXISTS channel VARCHAR;

-- Page flows of each business day, rolled up from behavior_event (paths report). A session is a visitor's run of
-- events with a page, none more than 30 minutes after the one before. from_page NULL: a session started on to_page;
-- to_page NULL: a session ended on from_page; both set: a step from one page to another. Rebuilt per day by
-- PageFlowRollup whenever the day's events (or their stitching) change; page_flow_rolled says what it last saw.
CREATE TABLE IF NOT EXISTS page_flow_day (
    day       DATE NOT NULL,
    from_page VARCHAR,
    to_page   VARCHAR,
    visits    BIGINT NOT NULL
);

CREATE TABLE IF NOT EXISTS page_flow_rolled (
    day      DATE PRIMARY KEY,
    events   BIGINT NOT NULL,
    stitched BIGINT NOT NULL
);

-- Members bound to guides (MemberBoundToGuide): one row per binding, keyed by the event's id.
CREATE TABLE IF NOT EXISTS binding_fact (
    event_id          VARCHAR PRIMARY KEY,
    member_id         BIGINT NOT NULL,
    guide_id          BIGINT NOT NULL,
    store_id          BIGINT NOT NULL,
    previous_guide_id BIGINT,
    source            VARCHAR,
    bound_at          TIMESTAMP NOT NULL,
    day               DATE NOT NULL
);

-- Coupons as they were issued (promotion-service's CouponIssued); an order that used one names it (order_fact.coupon_id).
CREATE TABLE IF NOT EXISTS coupon_fact (
    coupon_id     BIGINT PRIMARY KEY,
    template_id   BIGINT NOT NULL,
    template_name VARCHAR,
    member_id     BIGINT NOT NULL,
    channel       VARCHAR,
    guide_id      BIGINT,
    store_id      BIGINT,
    issued_at     TIMESTAMP NOT NULL,
    day           DATE NOT NULL
);

-- Members already announced as visiting without buying (VisitedWithoutBuying), once per business day.
CREATE TABLE IF NOT EXISTS wake_up_announced (
    member_id    BIGINT NOT NULL,
    day          DATE NOT NULL,
    announced_at TIMESTAMP NOT NULL,
    PRIMARY KEY (member_id, day)
);

-- The lines of paid orders (OrderPaid's lines): what was bought, for "viewed but did not buy".
CREATE TABLE IF NOT EXISTS order_line_fact (
    order_no  VARCHAR NOT NULL,
    sku_id    BIGINT NOT NULL,
    spu_id    BIGINT NOT NULL,
    member_id BIGINT NOT NULL,
    paid_at   TIMESTAMP NOT NULL,
    quantity  INTEGER NOT NULL,
    amount    BIGINT NOT NULL,
    PRIMARY KEY (order_no, sku_id)
);

-- Every level a member reached (member-service's MemberLevelChanged); a member never announced is at the entry level V0.
-- Reports filter by the level members are at now: the latest change of each.
CREATE TABLE IF NOT EXISTS level_fact (
    event_id   VARCHAR PRIMARY KEY,
    member_id  BIGINT NOT NULL,
    level_code VARCHAR NOT NULL,
    level_rank INTEGER NOT NULL,
    changed_at TIMESTAMP NOT NULL,
    day        DATE NOT NULL
);

-- Money given back (OrderRefunded), one row per refund: the dashboard's refunds and the GMV they take back.
CREATE TABLE IF NOT EXISTS refund_fact (
    refund_no     VARCHAR PRIMARY KEY,
    order_no      VARCHAR NOT NULL,
    member_id     BIGINT NOT NULL,
    amount        BIGINT NOT NULL,
    fully         BOOLEAN NOT NULL,
    refunded_at   TIMESTAMP NOT NULL,
    day           DATE NOT NULL
);

-- Member logins (member-service's MemberLoggedIn): a visit the server saw, whether or not the client's events arrived.
CREATE TABLE IF NOT EXISTS login_fact (
    login_id     BIGINT PRIMARY KEY,
    member_id    BIGINT NOT NULL,
    logged_in_at TIMESTAMP NOT NULL,
    day          DATE NOT NULL,
    scene        INTEGER,
    channel      VARCHAR,
    new_member   BOOLEAN NOT NULL
);

-- Daily check-ins (MemberCheckedIn): at most one per member and business day, as member-service allows.
CREATE TABLE IF NOT EXISTS check_in_fact (
    member_id     BIGINT NOT NULL,
    day           DATE NOT NULL,
    streak        INTEGER NOT NULL,
    checked_in_at TIMESTAMP NOT NULL,
    PRIMARY KEY (member_id, day)
);

-- The days each member was seen: any behavior event (stitched), a login or a check-in. Retention and lifecycle count
-- a member as back on such a day. Filters on day reach each part (DuckDB pushes them through UNION ALL).
CREATE OR REPLACE VIEW member_seen AS
SELECT visitor_member_id AS member_id, day FROM stitched_event WHERE visitor_member_id IS NOT NULL
UNION ALL SELECT member_id, day FROM login_fact
UNION ALL SELECT member_id, day FROM check_in_fact;
