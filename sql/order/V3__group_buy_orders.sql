-- Group-buy orders: the group the order sits in, and whether it may ship yet (PENDING until the group succeeds).
ALTER TABLE orders
    ADD COLUMN group_buy_group_id BIGINT      NULL,
    ADD COLUMN group_buy_status   VARCHAR(16) NULL COMMENT 'PENDING, SUCCEEDED, FAILED';
