package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/** Every coupon issued, for coupon effectiveness (issued → used → GMV) and the coupons a guide handed out. */
@Component
@RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "CouponIssued", consumerGroup = "insight-coupons-issued")
class RecordCouponsIssued extends FactRecorder<RecordCouponsIssued.CouponIssued> {
    /** promotion-service's CouponIssued, as insight reads it. */
    record CouponIssued(long couponId, long templateId, String templateName, long memberId, String channel, Long guideId, Long storeId,
                        Instant issuedAt) {}

    RecordCouponsIssued(AnalyticsStore store) {
        super(CouponIssued.class, store, "coupon_fact");
    }

    @Override
    protected Object[] row(CouponIssued coupon, EventEnvelope envelope) {
        Instant at = coupon.issuedAt();
        return new Object[] {coupon.couponId(), coupon.templateId(), coupon.templateName(), coupon.memberId(), coupon.channel(),
                coupon.guideId(), coupon.storeId(), utc(at), businessDay(at)};
    }
}
