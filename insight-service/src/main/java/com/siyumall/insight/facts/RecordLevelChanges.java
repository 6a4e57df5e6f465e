package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/** Every level a member reaches, so reports can keep to the members at a level (the latest change of each counts). */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "insight-member-levels")
class RecordLevelChanges extends FactRecorder<RecordLevelChanges.MemberLevelChanged> {
    /** member-service's MemberLevelChanged, as insight reads it. */
    record MemberLevelChanged(long memberId, String levelCode, int levelRank, Instant changedAt) {}

    RecordLevelChanges(AnalyticsStore store) {
        super(MemberLevelChanged.class, store, "level_fact");
    }

    @Override
    protected Object[] row(MemberLevelChanged change, EventEnvelope envelope) {
        Instant at = change.changedAt() != null ? change.changedAt() : envelope.occurredAt();
        return new Object[] {envelope.id(), change.memberId(), change.levelCode(), change.levelRank(), utc(at), businessDay(at)};
    }
}
