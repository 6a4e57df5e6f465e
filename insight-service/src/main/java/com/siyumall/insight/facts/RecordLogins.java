package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/**
 * Every member login: a visit the server saw for itself, so a member whose behavior events never arrived (an old client,
 * a lost batch) still counts as back for retention, lifecycle and the dashboard's visitors.
 */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLoggedIn", consumerGroup = "insight-member-logins")
class RecordLogins extends FactRecorder<RecordLogins.MemberLoggedIn> {
    /** member-service's MemberLoggedIn, as insight reads it. */
    record MemberLoggedIn(long loginId, long memberId, Instant loggedInAt, Integer scene, String channel, boolean newMember) {}

    RecordLogins(AnalyticsStore store) {
        super(MemberLoggedIn.class, store, "login_fact");
    }

    @Override
    protected Object[] row(MemberLoggedIn login, EventEnvelope envelope) {
        Instant at = login.loggedInAt();
        return new Object[] {login.loginId(), login.memberId(), utc(at), businessDay(at), login.scene(), login.channel(),
                login.newMember()};
    }
}
