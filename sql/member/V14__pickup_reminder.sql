-- The pick-up reminder: order-service announces a pick-up order still waiting at its store days after payment
-- (PickupReminderDue); its template's fields are character_string1 (order), character_string2 (pick-up code), time3 (paid).
INSERT INTO subscription_template (kind, template_id, page, enabled, updated_at)
VALUES ('PICKUP_REMINDER', 'tpl-pickup-reminder', 'pages/order/detail', 1, CURRENT_TIMESTAMP(3));
