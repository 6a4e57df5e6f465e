-- What promotions know of each member, from member- and order-service events: first-purchase eligibility, group-buy's
-- new-members-only, and coupon audiences (level, tags).
ALTER TABLE member_purchase_fact
    ADD COLUMN level_rank INT          NOT NULL DEFAULT 0,
    ADD COLUMN tags       VARCHAR(700) NULL COMMENT 'comma-separated, the member''s tags now';

-- Who may claim a template in the claim centre, like banners' audiences.
ALTER TABLE coupon_template
    ADD COLUMN audience       VARCHAR(24) NOT NULL DEFAULT 'ALL' COMMENT 'ALL, NEW_MEMBER, FIRST_PURCHASE_ELIGIBLE, LEVEL_AT_LEAST, SEGMENT',
    ADD COLUMN audience_value VARCHAR(64) NULL COMMENT 'days for NEW_MEMBER, rank for LEVEL_AT_LEAST, tag for SEGMENT';
