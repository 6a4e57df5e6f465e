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
import static com.siyumall.insight.store.Values.utc;

/** Every level a member reaches, so reports can keep to the members at a level (the latest change of each counts). */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "insight-member-levels")
class RecordLevelChanges extends IdempotentEventListener<RecordLevelChanges.MemberLevelChanged> {
    /** member-service's MemberLevelChanged, as insight reads it. */
    record MemberLevelChanged(long memberId, String levelCode, int levelRank, Instant changedAt) {}

    private final AnalyticsStore store;

    RecordLevelChanges(AnalyticsStore store) {
        super(MemberLevelChanged.class);
        this.store = store;
    }

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(MemberLevelChanged change, EventEnvelope envelope) {
        Instant changedAt = change.changedAt() != null ? change.changedAt() : envelope.occurredAt();
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO level_fact (event_id, member_id, "
                    + "level_code, level_rank, changed_at, day) VALUES (?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, envelope.id());
                insert.setLong(2, change.memberId());
                insert.setString(3, change.levelCode());
                insert.setInt(4, change.levelRank());
                insert.setObject(5, utc(changedAt));
                insert.setObject(6, businessDay(changedAt));
                return insert.executeUpdate();
            }
        });
    }
}
