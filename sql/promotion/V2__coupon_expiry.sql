-- When a coupon's owner was told it is about to expire (once per coupon).
ALTER TABLE coupon ADD COLUMN reminded_at DATETIME(3) NULL;
