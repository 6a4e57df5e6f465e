-- Store pick-up done properly: a paid pick-up order gets a six-digit code the store's guides verify, which completes it.
-- pickup_code_open holds the code only while the order waits at the store (PAID): the unique key keeps open codes
-- apart, and a code is free again once its order is picked up or refunded.
-- VARCHAR, not CHAR: MariaDB refuses a generated column built from a CHAR (its padding depends on the SQL mode).
ALTER TABLE orders
    ADD COLUMN pickup_code        VARCHAR(6)  NULL,
    ADD COLUMN pickup_code_open   VARCHAR(6) GENERATED ALWAYS AS (IF(status = 'PAID' AND delivery = 'PICKUP', pickup_code, NULL)) STORED,
    ADD COLUMN picked_up_by       BIGINT      NULL COMMENT 'the guide or merchant account that verified the code',
    ADD COLUMN pickup_reminded_at DATETIME(3) NULL,
    ADD UNIQUE KEY uk_orders_open_pickup_code (pickup_code_open),
    ADD KEY idx_orders_pickup_code (pickup_code),
    ADD KEY idx_orders_waiting_pickup (delivery, status, paid_at);
