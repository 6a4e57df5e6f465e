-- Points-mall SKU items become orders at order-service (paid with points, shipped like any order).
ALTER TABLE points_mall_item ADD COLUMN sku_id BIGINT NULL AFTER coupon_template_id;
ALTER TABLE points_exchange
    ADD COLUMN order_no VARCHAR(32) NULL AFTER coupon_id,
    ADD COLUMN address  VARCHAR(512) NULL COMMENT 'where a SKU item is shipped (JSON), kept for retries' AFTER order_no;
