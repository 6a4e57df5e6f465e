package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;

import static com.siyumall.insight.store.Values.utc;

/** Every daily check-in: activity for retention and lifecycle, and the dashboard's check-ins of the day. */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberCheckedIn", consumerGroup = "insight-member-check-ins")
class RecordCheckIns extends FactRecorder<RecordCheckIns.MemberCheckedIn> {
    /** member-service's MemberCheckedIn, as insight reads it: {@code day} is the business day member-service checked in on. */
    record MemberCheckedIn(long memberId, LocalDate day, int streak, Instant checkedInAt) {}

    RecordCheckIns(AnalyticsStore store) {
        super(MemberCheckedIn.class, store, "check_in_fact");
    }

    @Override
    protected Object[] row(MemberCheckedIn checkIn, EventEnvelope envelope) {
        return new Object[] {checkIn.memberId(), checkIn.day(), checkIn.streak(), utc(checkIn.checkedInAt())};
    }
}
