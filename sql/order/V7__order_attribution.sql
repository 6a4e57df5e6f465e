-- What brought each order, stamped at submit (OrderAttributions): the guide the member was bound to and the guide's
-- store, the member whose share brought the shopper, and the mini-program scene and channel of the visit.
ALTER TABLE orders
    ADD COLUMN attributed_guide_id BIGINT      NULL,
    ADD COLUMN attributed_store_id BIGINT      NULL,
    ADD COLUMN sharer_id           BIGINT      NULL,
    ADD COLUMN scene               INT         NULL,
    ADD COLUMN channel             VARCHAR(32) NULL,
    ADD KEY idx_orders_guide (attributed_guide_id, created_at);

-- Which guide each member belongs to, as member-service announces it (MemberBoundToGuide); read at every submit.
CREATE TABLE member_guide (
    member_id  BIGINT      NOT NULL PRIMARY KEY,
    guide_id   BIGINT      NOT NULL,
    store_id   BIGINT      NOT NULL,
    bound_at   DATETIME(3) NOT NULL,
    updated_at DATETIME(3) NOT NULL
) ENGINE = InnoDB DEFAULT CHARSET = utf8mb4;
