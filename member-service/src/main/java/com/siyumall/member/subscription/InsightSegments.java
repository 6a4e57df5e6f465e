package com.siyumall.member.subscription;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Keeps the members of insight-service's segments (the audiences of pushes) from its announcements of who joined and
 * who left. Announcements may arrive in any order: each change carries its computation's version and only a newer one
 * changes a member's row.
 */
@Component
@RocketMQMessageListener(topic = Topics.INSIGHT_EVENTS, selectorExpression = "SegmentMembershipChanged",
        consumerGroup = "member-insight-segments")
class InsightSegments extends IdempotentEventListener<InsightSegments.SegmentMembershipChanged> {
    /** insight-service's SegmentMembershipChanged, as read here. */
    record SegmentMembershipChanged(long segmentId, long version, List<Long> added, List<Long> removed) {}

    private final SubscriptionMapper subscriptions;

    InsightSegments(SubscriptionMapper subscriptions) {
        super(SegmentMembershipChanged.class);
        this.subscriptions = subscriptions;
    }

    @Override
    protected void handle(SegmentMembershipChanged change, EventEnvelope envelope) {
        if (change.added() != null && !change.added().isEmpty()) {
            subscriptions.changeSegment(change.segmentId(), change.added(), true, change.version());
        }
        if (change.removed() != null && !change.removed().isEmpty()) {
            subscriptions.changeSegment(change.segmentId(), change.removed(), false, change.version());
        }
    }
}
