package com.siyumall.order.timeout;

import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderEvents;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderMapper;
import com.siyumall.order.order.OrderStatus;
import com.siyumall.order.payment.PaymentService;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Cancels orders left unpaid: a RocketMQ delayed message fires at each order's expiry, and a sweep catches any message
 * lost. Before cancelling, WeChat Pay is asked whether the order was paid after all.
 */
@Component
@RocketMQMessageListener(topic = Topics.ORDER_TIMERS, selectorExpression = "UnpaidOrderDue", consumerGroup = "order-unpaid-timeout")
public class UnpaidOrderTimeout extends IdempotentEventListener<OrderEvents.UnpaidOrderDue> {
    private static final Logger log = LoggerFactory.getLogger(UnpaidOrderTimeout.class);
    private static final Duration SWEEP_GRACE = Duration.ofSeconds(30);
    private static final int SWEEP_BATCH = 200;
    private static final int SWEEP_BATCHES = 25;

    private final OrderLifecycle orders;
    private final PaymentService payments;
    private final OrderMapper orderRows;
    private final Clock clock;

    UnpaidOrderTimeout(OrderLifecycle orders, PaymentService payments, OrderMapper orderRows, Clock clock) {
        super(OrderEvents.UnpaidOrderDue.class);
        this.orders = orders;
        this.payments = payments;
        this.orderRows = orderRows;
        this.clock = clock;
    }

    @Override
    protected void handle(OrderEvents.UnpaidOrderDue due, EventEnvelope envelope) {
        expire(due.orderNo());
    }

    /** Cancels the order if it is still unpaid and due; returns whether it did. */
    public boolean expire(String orderNo) {
        Order order = orders.get(orderNo);
        if (order.getStatus() != OrderStatus.UNPAID || order.getExpiresAt().isAfter(clock.instant())) {
            return false;
        }
        if (payments.paidAtWechat(order)) {
            log.info("Order {} was paid at WeChat Pay before its timeout; not cancelled", orderNo);
            return false;
        }
        return orders.cancel(orderNo, "PAYMENT_TIMEOUT");
    }

    /**
     * The safety net for timers that never arrived (a broker that lost them, a dev stack restarted): every due unpaid
     * order, a batch at a time in due order, up to {@link #SWEEP_BATCHES} batches a round — a backlog of thousands is
     * worked off in minutes, not hours. An order that cannot be cancelled (paid at WeChat Pay meanwhile) is passed over.
     */
    @Scheduled(fixedDelayString = "${siyumall.order.sweep-every:30s}", initialDelayString = "${siyumall.order.sweep-every:30s}")
    void sweep() {
        Instant before = clock.instant().minus(SWEEP_GRACE);
        OrderMapper.Due last = new OrderMapper.Due("", Instant.EPOCH);
        for (int batch = 0; batch < SWEEP_BATCHES; batch++) {
            List<OrderMapper.Due> due = orderRows.expiredUnpaid(before, last.expiresAt(), last.orderNo(), SWEEP_BATCH);
            for (OrderMapper.Due order : due) {
                try {
                    if (expire(order.orderNo())) {
                        log.warn("Order {} was cancelled by the sweep: its timer did not arrive", order.orderNo());
                    }
                } catch (RuntimeException e) {
                    log.error("Sweep could not expire order {}", order.orderNo(), e);
                }
            }
            if (due.size() < SWEEP_BATCH) {
                return;
            }
            last = due.get(due.size() - 1);
        }
    }
}
