-- A first-purchase activity may offer a dedicated coupon (claimed once by an eligible member) besides or instead of
-- special SKU prices.
ALTER TABLE first_purchase_activity ADD COLUMN coupon_template_id BIGINT NULL AFTER within_days_of_joining;
