-- The abandoned-hold sweeps look for coupons, seats and first-purchase claims still held long after their order attempt began.
ALTER TABLE coupon ADD KEY idx_coupon_locked_age (status, locked_at);
ALTER TABLE group_buy_seat ADD KEY idx_group_buy_seat_age (status, created_at);
ALTER TABLE first_purchase_claim ADD KEY idx_first_purchase_claim_age (status, created_at);
