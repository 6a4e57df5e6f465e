package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.utc;

/** Every refund, on the day the money went back: the dashboard's refunds beside the day's GMV. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderRefunded", consumerGroup = "insight-order-refunded")
class RecordRefunds extends FactRecorder<RecordRefunds.OrderRefunded> {
    /** order-service's OrderRefunded, as insight reads it. */
    record OrderRefunded(String orderNo, long memberId, String refundNo, long refundAmount, boolean fullyRefunded, Instant refundedAt) {}

    RecordRefunds(AnalyticsStore store) {
        super(OrderRefunded.class, store, "refund_fact");
    }

    @Override
    protected Object[] row(OrderRefunded refund, EventEnvelope envelope) {
        Instant at = refund.refundedAt();
        return new Object[] {refund.refundNo(), refund.orderNo(), refund.memberId(), refund.refundAmount(), refund.fullyRefunded(),
                utc(at), businessDay(at)};
    }
}
