package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.setInt;
import static com.siyumall.insight.store.Values.setLong;
import static com.siyumall.insight.store.Values.utc;

/** Every registration with its first touch, the base of acquisition, retention and first-purchase reports. */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "insight-member-registered")
class RecordRegistrations extends IdempotentEventListener<MemberRegistered> {
    private final AnalyticsStore store;

    RecordRegistrations(AnalyticsStore store) {
        super(MemberRegistered.class);
        this.store = store;
    }

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(MemberRegistered member, EventEnvelope envelope) {
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO member_fact (member_id, "
                    + "registered_at, day, scene, channel, inviter_id, store_id, guide_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, member.memberId());
                insert.setObject(2, utc(member.registeredAt()));
                insert.setObject(3, businessDay(member.registeredAt()));
                setInt(insert, 4, member.scene());
                insert.setString(5, member.channel());
                setLong(insert, 6, member.inviterId());
                setLong(insert, 7, member.storeId());
                setLong(insert, 8, member.guideId());
                return insert.executeUpdate();
            }
        });
    }
}
