package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/** Every registration with its first touch, the base of acquisition, retention and first-purchase reports. */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "insight-member-registered")
class RecordRegistrations extends FactRecorder<MemberRegistered> {
    RecordRegistrations(AnalyticsStore store) {
        super(MemberRegistered.class, store, "member_fact");
    }

    @Override
    protected Object[] row(MemberRegistered member, EventEnvelope envelope) {
        Instant at = member.registeredAt();
        return new Object[] {member.memberId(), utc(at), businessDay(at), member.scene(), member.channel(), member.inviterId(),
                member.storeId(), member.guideId()};
    }
}
