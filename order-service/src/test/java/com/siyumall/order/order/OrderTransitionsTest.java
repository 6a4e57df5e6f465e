package com.siyumall.order.order;

import com.siyumall.common.error.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The order decides its own moves and names the fact each one is; the database guards the same moves a second time. */
class OrderTransitionsTest {
    private static final Instant AT = Instant.parse("2026-12-02T02:00:00Z");
    private static final List<OrderEvents.Line> LINES = List.of(new OrderEvents.Line(11, 1, 2, 3_000));

    private static Order placed() {
        return Order.place("O1", 7, 3_000, 500, 100, 100, 1_000, Order.Delivery.EXPRESS, "{}", null, 99L, null, AT.plusSeconds(900));
    }

    @Test
    void aPaidOrderShipsCompletesAndSaysSoEachTime() {
        Order order = placed();

        OrderEvents.OrderPaid paid = order.pay("4200001", AT, LINES);
        assertThat(order.getStatus()).isEqualTo(OrderStatus.PAID);
        assertThat(paid.payAmount()).isEqualTo(3_000 - 500 - 100 + 1_000);
        assertThat(paid.couponId()).isEqualTo(99L);
        assertThat(paid.pointsUsed()).isEqualTo(100);
        assertThat(paid.transactionId()).isEqualTo("4200001");

        OrderEvents.OrderShipped shipped = order.ship("SF", "SF100", AT.plusSeconds(60));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(shipped.trackingNo()).isEqualTo("SF100");

        OrderEvents.OrderCompleted completed = order.complete(AT.plusSeconds(120));
        assertThat(order.getStatus()).isEqualTo(OrderStatus.COMPLETED);
        assertThat(completed.completedAt()).isEqualTo(AT.plusSeconds(120));
    }

    @Test
    void aCancelledOrderCannotBePaidAndAPaidOneCannotBeCancelled() {
        Order cancelled = placed();
        OrderEvents.OrderCancelled fact = cancelled.cancel("PAYMENT_TIMEOUT", LINES, AT);
        assertThat(fact.reason()).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(fact.lines()).isEqualTo(LINES);
        assertThatThrownBy(() -> cancelled.pay("4200002", AT, LINES))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.errorCode()).isEqualTo(OrderError.ORDER_STATE_CONFLICT));

        Order paid = placed();
        paid.pay("4200003", AT, LINES);
        assertThatThrownBy(() -> paid.cancel("USER_CANCELLED", LINES, AT))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.errorCode()).isEqualTo(OrderError.ORDER_STATE_CONFLICT));
        assertThatThrownBy(() -> paid.complete(AT)).as("not shipped yet").isInstanceOf(BusinessException.class);
    }

    @Test
    void aGroupBuyOrderShipsOnlyOnceItsGroupSucceeded() {
        Order order = placed();
        order.joinGroupBuy(5);
        order.pay("4200004", AT, LINES);
        assertThatThrownBy(() -> order.ship("SF", "SF200", AT))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.errorCode()).isEqualTo(OrderError.GROUP_BUY_PENDING));
        assertThat(order.getStatus()).as("a refused move changes nothing").isEqualTo(OrderStatus.PAID);
    }
}
