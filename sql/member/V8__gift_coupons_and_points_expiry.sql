-- The open-card gift may include a coupon (issued by promotion-service, once per member).
ALTER TABLE open_card_gift ADD COLUMN coupon_template_id BIGINT NULL;
ALTER TABLE open_card_gift_given ADD COLUMN coupon_id BIGINT NULL;

-- Points earned in a year expire at the end of that year plus N years (1: the end of next year); 0 keeps them forever.
ALTER TABLE points_setting ADD COLUMN expire_after_years INT NOT NULL DEFAULT 1;
