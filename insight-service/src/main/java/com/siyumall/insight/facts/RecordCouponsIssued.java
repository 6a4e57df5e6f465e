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

/** Every coupon issued, for coupon effectiveness (issued → used → GMV) and the coupons a guide handed out. */
@Component
@RocketMQMessageListener(topic = Topics.PROMOTION_EVENTS, selectorExpression = "CouponIssued", consumerGroup = "insight-coupons-issued")
class RecordCouponsIssued extends IdempotentEventListener<RecordCouponsIssued.CouponIssued> {
    /** promotion-service's CouponIssued, as insight reads it. */
    record CouponIssued(long couponId, long templateId, String templateName, long memberId, String channel, Long guideId, Long storeId,
                        Instant issuedAt) {}

    private final AnalyticsStore store;

    RecordCouponsIssued(AnalyticsStore store) {
        super(CouponIssued.class);
        this.store = store;
    }

    @Override
    protected void handle(CouponIssued coupon, EventEnvelope envelope) {
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO coupon_fact (coupon_id, template_id, "
                    + "template_name, member_id, channel, guide_id, store_id, issued_at, day) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                insert.setLong(1, coupon.couponId());
                insert.setLong(2, coupon.templateId());
                insert.setString(3, coupon.templateName());
                insert.setLong(4, coupon.memberId());
                insert.setString(5, coupon.channel());
                setLong(insert, 6, coupon.guideId());
                setLong(insert, 7, coupon.storeId());
                insert.setObject(8, utc(coupon.issuedAt()));
                insert.setObject(9, businessDay(coupon.issuedAt()));
                return insert.executeUpdate();
            }
        });
    }
}
