-- The product (SPU) of a group-buy activity's SKU, asked of product-service when the activity is created, so a product
-- page can list its group-buys (GET /api/group-buys?spuId=). NULL when product-service did not answer then.
ALTER TABLE group_buy_activity
    ADD COLUMN spu_id BIGINT NULL,
    ADD KEY idx_group_buy_activity_spu (spu_id, status);
