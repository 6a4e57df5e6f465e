-- The stale-reservation sweep looks for units still RESERVED long after their order attempt began.
ALTER TABLE stock_reservation ADD KEY idx_reservation_status_age (status, created_at);
