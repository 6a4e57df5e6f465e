-- Shipping and receipt.
ALTER TABLE orders
    ADD COLUMN carrier       VARCHAR(32)  NULL,
    ADD COLUMN tracking_no   VARCHAR(64)  NULL,
    ADD COLUMN shipped_at    DATETIME(3)  NULL,
    ADD COLUMN completed_at  DATETIME(3)  NULL,
    ADD COLUMN refunded_amount BIGINT     NOT NULL DEFAULT 0 COMMENT 'fen refunded so far';

-- Shopper refunds: at once before shipping, after the merchant's approval once shipped.
ALTER TABLE refund
    ADD COLUMN member_id    BIGINT        NULL,
    ADD COLUMN refund_lines VARCHAR(2048) NULL COMMENT 'JSON [{skuId, quantity, amount}] refunded; empty for a whole-order refund',
    ADD COLUMN restock      TINYINT(1)    NOT NULL DEFAULT 0 COMMENT 'the goods never left: stock goes back',
    ADD COLUMN decided_by   BIGINT        NULL,
    ADD COLUMN decided_at   DATETIME(3)   NULL,
    ADD COLUMN reject_reason VARCHAR(256) NULL,
    DROP INDEX uk_refund_order_reason,
    ADD KEY idx_refund_order (order_no);
