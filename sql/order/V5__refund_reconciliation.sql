-- RefundReconciler looks for refunds still PROCESSING at WeChat Pay, oldest first
ALTER TABLE refund ADD KEY idx_refund_status_updated (status, updated_at);
