package com.siyumall.member.growth;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

/** Growth for bringing a friend: a member registered from another member's share pays the inviter once per friend. */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "member-growth-invite")
class InviteGrowth extends IdempotentEventListener<InviteGrowth.Registered> {
    private final GrowthService growth;

    /** MemberRegistered as read here; the inviter is kept only when they are a real member. */
    record Registered(long memberId, Long inviterId) {}

    InviteGrowth(GrowthService growth) {
        super(Registered.class);
        this.growth = growth;
    }

    @Override
    protected void handle(Registered event, EventEnvelope envelope) {
        if (event.inviterId() != null) {
            growth.grant(event.inviterId(), growth.rules().perInvitedMember(), "INVITE", Long.toString(event.memberId()));
        }
    }
}
