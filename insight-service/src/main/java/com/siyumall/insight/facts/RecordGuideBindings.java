package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;
import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.setLong;
import static com.siyumall.insight.store.Values.utc;

/** Every binding of a member to a guide, for the guide and store reports (members bound, customers kept). */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberBoundToGuide", consumerGroup = "insight-guide-bindings")
class RecordGuideBindings extends IdempotentEventListener<RecordGuideBindings.MemberBoundToGuide> {
    /** member-service's MemberBoundToGuide, as insight reads it. */
    record MemberBoundToGuide(long memberId, long guideId, long storeId, Long previousGuideId, String source, Instant boundAt) {}

    private final AnalyticsStore store;

    RecordGuideBindings(AnalyticsStore store) {
        super(MemberBoundToGuide.class);
        this.store = store;
    }

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(MemberBoundToGuide binding, EventEnvelope envelope) {
        Instant boundAt = binding.boundAt() != null ? binding.boundAt() : envelope.occurredAt();
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO binding_fact (event_id, member_id, "
                    + "guide_id, store_id, previous_guide_id, source, bound_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, envelope.id());
                insert.setLong(2, binding.memberId());
                insert.setLong(3, binding.guideId());
                insert.setLong(4, binding.storeId());
                setLong(insert, 5, binding.previousGuideId());
                insert.setString(6, binding.source());
                insert.setObject(7, utc(boundAt));
                insert.setObject(8, businessDay(boundAt));
                return insert.executeUpdate();
            }
        });
    }
}
