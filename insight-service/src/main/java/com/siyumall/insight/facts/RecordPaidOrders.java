package com.siyumall.insight.facts;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.sql.PreparedStatement;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.setInt;
import static com.siyumall.insight.store.Values.setLong;
import static com.siyumall.insight.store.Values.utc;

/** Every paid order, the base of paying members, GMV, first-purchase and repurchase reports. */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "insight-order-paid")
class RecordPaidOrders extends IdempotentEventListener<OrderPaid> {
    private final AnalyticsStore store;

    RecordPaidOrders(AnalyticsStore store) {
        super(OrderPaid.class);
        this.store = store;
    }

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(OrderPaid order, EventEnvelope envelope) {
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO order_fact (order_no, member_id, "
                    + "paid_at, day, pay_amount, coupon_id, guide_id, store_id, sharer_id, scene, channel) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                OrderPaid.Attribution attribution = order.attributed();
                insert.setString(1, order.orderNo());
                insert.setLong(2, order.memberId());
                insert.setObject(3, utc(order.paidAt()));
                insert.setObject(4, businessDay(order.paidAt()));
                insert.setLong(5, order.payAmount());
                setLong(insert, 6, order.couponId());
                setLong(insert, 7, attribution.guideId());
                setLong(insert, 8, attribution.storeId());
                setLong(insert, 9, attribution.sharerId());
                setInt(insert, 10, attribution.scene());
                insert.setString(11, attribution.channel());
                if (insert.executeUpdate() == 0 || order.lines() == null || order.lines().isEmpty()) {
                    return 0;
                }
            }
            try (PreparedStatement lines = connection.prepareStatement("INSERT OR IGNORE INTO order_line_fact VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                for (OrderPaid.Line line : order.lines()) {
                    lines.setString(1, order.orderNo());
                    lines.setLong(2, line.skuId());
                    lines.setLong(3, line.spuId());
                    lines.setLong(4, order.memberId());
                    lines.setObject(5, utc(order.paidAt()));
                    lines.setInt(6, line.quantity());
                    lines.setLong(7, line.amount());
                    lines.addBatch();
                }
                return lines.executeBatch().length;
            }
        });
    }
}
