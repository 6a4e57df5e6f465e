package com.siyumall.promotion.members;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The member facts promotions keep, fed by MemberRegistered, OrderPaid, MemberLevelChanged, MemberTagged and
 * insight-service's SegmentMembershipChanged.
 */
public final class MemberFactsProjection {
    private MemberFactsProjection() {}

    @Service
    public static class Facts {
        private final MemberFactsMapper facts;

        Facts(MemberFactsMapper facts) {
            this.facts = facts;
        }

        public MemberFacts of(long memberId) {
            MemberFactsMapper.Row row = facts.facts(memberId);
            List<String> tags = row.tags() == null || row.tags().isBlank() ? List.of() : Arrays.asList(row.tags().split(","));
            Set<Long> segments = row.segments() == null || row.segments().isBlank() ? Set.of()
                    : Arrays.stream(row.segments().split(",")).map(Long::valueOf).collect(Collectors.toUnmodifiableSet());
            return new MemberFacts(row.registeredAt(), row.paidOrders(), row.levelRank(), tags, segments);
        }
    }

    record MemberRegistered(long memberId, Instant registeredAt) {}

    record OrderPaid(String orderNo, long memberId, Instant paidAt) {}

    record MemberLevelChanged(long memberId, int levelRank) {}

    record MemberTagged(long memberId, List<String> tags) {}

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "promotion-member-facts-joined")
    static class OnMemberRegistered extends IdempotentEventListener<MemberRegistered> {
        private final MemberFactsMapper facts;
        private final Clock clock;

        OnMemberRegistered(MemberFactsMapper facts, Clock clock) {
            super(MemberRegistered.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberRegistered event, EventEnvelope envelope) {
            facts.registered(event.memberId(), event.registeredAt() != null ? event.registeredAt() : envelope.occurredAt(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-member-facts-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final MemberFactsMapper facts;
        private final Clock clock;

        OnOrderPaid(MemberFactsMapper facts, Clock clock) {
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
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "promotion-member-facts-level")
    static class OnMemberLevelChanged extends IdempotentEventListener<MemberLevelChanged> {
        private final MemberFactsMapper facts;
        private final Clock clock;

        OnMemberLevelChanged(MemberFactsMapper facts, Clock clock) {
            super(MemberLevelChanged.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberLevelChanged event, EventEnvelope envelope) {
            facts.level(event.memberId(), event.levelRank(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberTagged", consumerGroup = "promotion-member-facts-tags")
    static class OnMemberTagged extends IdempotentEventListener<MemberTagged> {
        private final MemberFactsMapper facts;
        private final Clock clock;

        OnMemberTagged(MemberFactsMapper facts, Clock clock) {
            super(MemberTagged.class);
            this.facts = facts;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberTagged event, EventEnvelope envelope) {
            facts.tagged(event.memberId(), event.tags() == null ? null : String.join(",", event.tags()), clock.instant());
        }
    }

    /** insight-service's SegmentMembershipChanged, as read here: who joined and who left a segment in one computation. */
    record SegmentMembershipChanged(long segmentId, long version, List<Long> added, List<Long> removed) {}

    /**
     * Announcements may arrive in any order: each change carries its computation's version and only a newer one changes
     * a member's row (a deleted segment announces everyone as removed).
     */
    @Component
    @RocketMQMessageListener(topic = Topics.INSIGHT_EVENTS, selectorExpression = "SegmentMembershipChanged",
            consumerGroup = "promotion-insight-segments")
    static class OnSegmentMembershipChanged extends IdempotentEventListener<SegmentMembershipChanged> {
        private final MemberFactsMapper facts;

        OnSegmentMembershipChanged(MemberFactsMapper facts) {
            super(SegmentMembershipChanged.class);
            this.facts = facts;
        }

        @Override
        protected void handle(SegmentMembershipChanged change, EventEnvelope envelope) {
            if (change.added() != null && !change.added().isEmpty()) {
                facts.changeSegment(change.segmentId(), change.added(), true, change.version());
            }
            if (change.removed() != null && !change.removed().isEmpty()) {
                facts.changeSegment(change.segmentId(), change.removed(), false, change.version());
            }
        }
    }
}
