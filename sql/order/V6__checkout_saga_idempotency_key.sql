-- The Idempotency-Key of the submit that started a saga: a retry that takes over a key whose first request died after
-- its order was written finds that order through its saga instead of placing a second one.
ALTER TABLE checkout_saga
    ADD COLUMN idempotency_key VARCHAR(128) NULL AFTER member_id,
    ADD UNIQUE KEY uk_checkout_saga_key (member_id, idempotency_key);
