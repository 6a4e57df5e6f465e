-- Timers further out than the broker's longest delay (3 days) used to be sent at once, refused on every attempt and
-- marked FAILED. The relay now holds them until they are within reach; give the ones it gave up on back to it (one
-- already past due is delivered at once: late, not lost; its consumer checks the state it acts on).
UPDATE outbox_event
SET status = 'NEW', attempts = 0, next_attempt_at = UTC_TIMESTAMP(3), last_error = NULL
WHERE status = 'FAILED' AND deliver_at IS NOT NULL;
