package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;

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

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(CouponIssued coupon, EventEnvelope envelope) {
        // one coupon per claim, as many a second as claims: through the group commit, not a transaction each (measured:
        // 70 claims/s kept insight's consumers on a full core, one DuckDB transaction per coupon)
        store.appendNew("coupon_fact", List.of(coupon), (row, c) -> row.append(c.couponId()).append(c.templateId())
                .append(c.templateName()).append(c.memberId()).append(c.channel()).append(c.guideId()).append(c.storeId())
                .append(utc(c.issuedAt())).append(businessDay(c.issuedAt())), connection -> insertSkippingKnown(connection, coupon));
    }

    private static int insertSkippingKnown(Connection connection, CouponIssued coupon) throws SQLException {
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
    }
}
