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

/** Every refund, on the day the money went back: the dashboard's refunds beside the day's GMV. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "insight-order-refunded")
class RecordRefunds extends IdempotentEventListener<RecordRefunds.OrderRefunded> {
    /** order-service's OrderRefunded, as insight reads it. */
    record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded, Instant refundedAt) {}

    private final AnalyticsStore store;

    RecordRefunds(AnalyticsStore store) {
        super(OrderRefunded.class);
        this.store = store;
    }

    /** Every row is written under the refund's own number, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(OrderRefunded refund, EventEnvelope envelope) {
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO refund_fact (refund_no, order_no, "
                    + "member_id, amount, fully, refunded_at, day) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                insert.setString(1, refund.refundNo());
                insert.setString(2, refund.orderNo());
                insert.setLong(3, refund.memberId());
                insert.setLong(4, refund.refundAmount());
                insert.setBoolean(5, refund.fullyRefunded());
                insert.setObject(6, utc(refund.refundedAt()));
                insert.setObject(7, businessDay(refund.refundedAt()));
                return insert.executeUpdate();
            }
        });
    }
}
