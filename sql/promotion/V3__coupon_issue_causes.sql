-- Coupons given for a cause (a level reached, a QR code scanned, an order paid, a points exchange, a guide's issue)
-- are given once per cause however often it is repeated; claims in the claim centre have no cause.
ALTER TABLE coupon
    ADD COLUMN cause VARCHAR(96) NULL,
    ADD UNIQUE KEY uk_coupon_cause (member_id, template_id, cause);
