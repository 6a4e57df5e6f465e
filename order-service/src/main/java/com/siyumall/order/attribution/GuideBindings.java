package com.siyumall.order.attribution;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;

/**
 * Which guide each member belongs to, kept from member-service's MemberBoundToGuide so a submit reads it from its own
 * database instead of asking member-service (one more call on the order path). It trails the binding by the time the
 * event takes (milliseconds when the broker is up).
 */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberBoundToGuide", consumerGroup = "order-guide-bindings")
class GuideBindings extends IdempotentEventListener<GuideBindings.MemberBoundToGuide> {
    /** member-service's MemberBoundToGuide, as read here. */
    record MemberBoundToGuide(long memberId, long guideId, long storeId, Instant boundAt) {}

    private final GuideBindingMapper bindings;
    private final Clock clock;

    GuideBindings(GuideBindingMapper bindings, Clock clock) {
        super(MemberBoundToGuide.class);
        this.bindings = bindings;
        this.clock = clock;
    }

    @Override
    protected void handle(MemberBoundToGuide event, EventEnvelope envelope) {
        bindings.bind(event.memberId(), event.guideId(), event.storeId(),
                event.boundAt() != null ? event.boundAt() : envelope.occurredAt(), clock.instant());
    }
}
