package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/** Every binding of a member to a guide, for the guide and store reports (members bound, customers kept). */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberBoundToGuide", consumerGroup = "insight-guide-bindings")
class RecordGuideBindings extends FactRecorder<RecordGuideBindings.MemberBoundToGuide> {
    /** member-service's MemberBoundToGuide, as insight reads it. */
    record MemberBoundToGuide(long memberId, long guideId, long storeId, Long previousGuideId, String source, Instant boundAt) {}

    RecordGuideBindings(AnalyticsStore store) {
        super(MemberBoundToGuide.class, store, "binding_fact");
    }

    @Override
    protected Object[] row(MemberBoundToGuide binding, EventEnvelope envelope) {
        Instant at = binding.boundAt() != null ? binding.boundAt() : envelope.occurredAt();
        return new Object[] {envelope.id(), binding.memberId(), binding.guideId(), binding.storeId(), binding.previousGuideId(),
                binding.source(), utc(at), businessDay(at)};
    }
}
