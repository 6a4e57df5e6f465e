package com.siyumall.member.subscription;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.money.Money;
import com.siyumall.common.time.BusinessTime;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The events that tell a member something, turned into subscription messages. The data keys follow WeChat's template
 * field types (thing, amount, time, character_string, number); the merchant's templates must use the same keys.
 */
final class MessageTriggers {
    private static final DateTimeFormatter MINUTES = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(BusinessTime.ZONE);

    private MessageTriggers() {}

    private static String time(Instant at) {
        return at == null ? "" : MINUTES.format(at);
    }

    /** WeChat cuts "thing" fields at 20 characters. */
    private static String thing(String text) {
        return text == null ? "" : text.length() <= 20 ? text : text.substring(0, 19) + "…";
    }

    private static Map<String, String> data(String... keysAndValues) {
        Map<String, String> data = new LinkedHashMap<>();
        for (int i = 0; i < keysAndValues.length; i += 2) {
            data.put(keysAndValues[i], keysAndValues[i + 1]);
        }
        return data;
    }

    record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt) {}

    record OrderShipped(String orderNo, long memberId, String carrier, String trackingNo, Instant shippedAt) {}

    record PickupReminderDue(String orderNo, long memberId, String pickupCode, Instant paidAt) {}

    record CouponExpiring(long couponId, long memberId, String templateName, Instant validTo) {}

    record PriceDropped(long skuId, long spuId, long oldPrice, long newPrice, List<Long> memberIds) {}

    record MemberLevelChanged(long memberId, String levelCode, String levelName, long growthValue) {}

    /** promotion-service's group-buy outcomes, as read here: every member of the group is told. */
    record GroupBuyOutcome(long groupId, String activityName, List<Long> memberIds) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "member-message-order-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final SubscriptionMessages messages;

        OnOrderPaid(SubscriptionMessages messages) {
            super(OrderPaid.class);
            this.messages = messages;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            messages.send(event.memberId(), MessageKind.ORDER_PAID, "OrderPaid:" + event.orderNo(), data(
                    "character_string1", event.orderNo(), "amount2", Money.yuan(event.payAmount()), "time3", time(event.paidAt())));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderShipped", consumerGroup = "member-message-order-shipped")
    static class OnOrderShipped extends IdempotentEventListener<OrderShipped> {
        private final SubscriptionMessages messages;

        OnOrderShipped(SubscriptionMessages messages) {
            super(OrderShipped.class);
            this.messages = messages;
        }

        @Override
        protected void handle(OrderShipped event, EventEnvelope envelope) {
            messages.send(event.memberId(), MessageKind.ORDER_SHIPPED, "OrderShipped:" + event.orderNo(), data(
                    "character_string1", event.orderNo(), "thing2", thing(event.carrier()),
                    "character_string3", event.trackingNo() == null ? "" : event.trackingNo(), "time4", time(event.shippedAt())));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "PickupReminderDue", consumerGroup = "member-message-pickup-reminder")
    static class OnPickupReminderDue extends IdempotentEventListener<PickupReminderDue> {
        private final SubscriptionMessages messages;

        OnPickupReminderDue(SubscriptionMessages messages) {
            super(PickupReminderDue.class);
            this.messages = messages;
        }

        @Override
        protected void handle(PickupReminderDue event, EventEnvelope envelope) {
            messages.send(event.memberId(), MessageKind.PICKUP_REMINDER, "PickupReminderDue:" + event.orderNo(), data(
                    "character_string1", event.orderNo(), "character_string2", event.pickupCode(), "time3", time(event.paidAt())));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "CouponExpiring", consumerGroup = "member-message-coupon-expiring")
    static class OnCouponExpiring extends IdempotentEventListener<CouponExpiring> {
        private final SubscriptionMessages messages;

        OnCouponExpiring(SubscriptionMessages messages) {
            super(CouponExpiring.class);
            this.messages = messages;
        }

        @Override
        protected void handle(CouponExpiring event, EventEnvelope envelope) {
            messages.send(event.memberId(), MessageKind.COUPON_EXPIRING, "CouponExpiring:" + event.couponId(), data(
                    "thing1", thing(event.templateName()), "time2", time(event.validTo())));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PRODUCT_EVENTS, selectorExpression = "PriceDropped", consumerGroup = "member-message-price-dropped")
    static class OnPriceDropped extends IdempotentEventListener<PriceDropped> {
        private final SubscriptionMessages messages;

        OnPriceDropped(SubscriptionMessages messages) {
            super(PriceDropped.class);
            this.messages = messages;
        }

        @Override
        protected void handle(PriceDropped event, EventEnvelope envelope) {
            for (long memberId : event.memberIds()) {
                messages.send(memberId, MessageKind.PRICE_DROPPED, "PriceDropped:" + envelope.id(), data(
                        "amount1", Money.yuan(event.newPrice()), "amount2", Money.yuan(event.oldPrice())));
            }
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "member-message-level-up")
    static class OnLevelUp extends IdempotentEventListener<MemberLevelChanged> {
        private final SubscriptionMessages messages;

        OnLevelUp(SubscriptionMessages messages) {
            super(MemberLevelChanged.class);
            this.messages = messages;
        }

        @Override
        protected void handle(MemberLevelChanged event, EventEnvelope envelope) {
            messages.send(event.memberId(), MessageKind.LEVEL_UP, "LevelUp:" + event.levelCode(), data(
                    "thing1", thing(event.levelName()), "number2", Long.toString(event.growthValue())));
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuySucceeded", consumerGroup = "member-message-group-buy-succeeded")
    static class OnGroupBuySucceeded extends IdempotentEventListener<GroupBuyOutcome> {
        private final SubscriptionMessages messages;

        OnGroupBuySucceeded(SubscriptionMessages messages) {
            super(GroupBuyOutcome.class);
            this.messages = messages;
        }

        @Override
        protected void handle(GroupBuyOutcome event, EventEnvelope envelope) {
            for (long memberId : event.memberIds()) {
                messages.send(memberId, MessageKind.GROUP_BUY_SUCCEEDED, "GroupBuySucceeded:" + event.groupId(),
                        data("thing1", thing(event.activityName()), "character_string2", Long.toString(event.groupId())));
            }
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "GroupBuyFailed", consumerGroup = "member-message-group-buy-failed")
    static class OnGroupBuyFailed extends IdempotentEventListener<GroupBuyOutcome> {
        private final SubscriptionMessages messages;

        OnGroupBuyFailed(SubscriptionMessages messages) {
            super(GroupBuyOutcome.class);
            this.messages = messages;
        }

        @Override
        protected void handle(GroupBuyOutcome event, EventEnvelope envelope) {
            for (long memberId : event.memberIds()) {
                messages.send(memberId, MessageKind.GROUP_BUY_FAILED, "GroupBuyFailed:" + event.groupId(),
                        data("thing1", thing(event.activityName()), "character_string2", Long.toString(event.groupId())));
            }
        }
    }
}
