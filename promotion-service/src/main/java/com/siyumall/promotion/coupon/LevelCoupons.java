package com.siyumall.promotion.coupon;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

import java.util.List;

/**
 * Coupons of a member level, given when a member reaches it (member-service's MemberLevelChanged names them), once per
 * member and level. A template that is sold out or stopped is skipped and logged; the other coupons are still given.
 */
@Component
@RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberLevelChanged", consumerGroup = "promotion-level-coupons")
class LevelCoupons extends IdempotentEventListener<LevelCoupons.MemberLevelChanged> {
    private static final Logger log = LoggerFactory.getLogger(LevelCoupons.class);

    private final CouponService coupons;

    /** member-service's MemberLevelChanged, as read here. */
    record MemberLevelChanged(long memberId, String levelCode, List<Long> couponTemplateIds) {}

    LevelCoupons(CouponService coupons) {
        super(MemberLevelChanged.class);
        this.coupons = coupons;
    }

    @Override
    protected void handle(MemberLevelChanged event, EventEnvelope envelope) {
        if (event.couponTemplateIds() == null) {
            return;
        }
        for (long templateId : event.couponTemplateIds()) {
            try {
                coupons.issue(event.memberId(), templateId, CouponTemplate.Channel.SYSTEM, "LEVEL:" + event.levelCode());
            } catch (BusinessException refused) {
                log.warn("Level {} coupon {} not given to member {}: {}", event.levelCode(), templateId, event.memberId(), refused.getMessage());
            }
        }
    }
}
