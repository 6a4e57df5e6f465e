package com.siyumall.product.audience;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Keeps {@code member_fact} from other services' events. Each listener holds its own copy of the fields it reads,
 * so product-service does not depend on the producers' classes.
 */
final class MemberEventListeners {
    private MemberEventListeners() {}

    /** member-service: a new member. */
    record MemberRegistered(long memberId, Instant registeredAt) {}

    /** order-service: an order was paid. */
    record OrderPaid(String orderNo, long memberId, Instant paidAt) {}

    /** member-service (growth): the member's level, with its rank among the merchant's levels (higher is better). */
    record MemberLevelChanged(long memberId, String levelCode, int levelRank) {}

    /** member-service (segments): the member's tags now. */
    record MemberTagged(long memberId, List<String> tags) {}

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "product-member-registered")
    static class OnMemberRegistered extends IdempotentEventListener<MemberRegistered> {
        private final MemberFactMapper facts;
        private final Clock clock;

        OnMemberRegistered(MemberFactMapper facts, Clock clock) {
            super(MemberRegistered.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberRegistered event, EventEnvelope envelope) {
            facts.registered(event.memberId(), event.registeredAt(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "product-order-paid-facts")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final MemberFactMapper facts;
        private final Clock clock;

        OnOrderPaid(MemberFactMapper facts, Clock clock) {
            super(OrderPaid.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            facts.paid(event.memberId(), event.paidAt() != null ? event.paidAt() : envelope.occurredAt(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "product-member-level")
    static class OnMemberLevelChanged extends IdempotentEventListener<MemberLevelChanged> {
        private final MemberFactMapper facts;
        private final Clock clock;

        OnMemberLevelChanged(MemberFactMapper facts, Clock clock) {
            super(MemberLevelChanged.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberLevelChanged event, EventEnvelope envelope) {
            facts.levelChanged(event.memberId(), event.levelCode(), event.levelRank(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberTagged", consumerGroup = "product-member-tagged")
    static class OnMemberTagged extends IdempotentEventListener<MemberTagged> {
        private final MemberFactMapper facts;
        private final Clock clock;

        OnMemberTagged(MemberFactMapper facts, Clock clock) {
            super(MemberTagged.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberTagged event, EventEnvelope envelope) {
            facts.tagged(event.memberId(), String.join(",", event.tags() == null ? List.of() : event.tags()), clock.instant());
        }
    }
}
