package com.siyumall.order.order;

import java.util.Map;
import java.util.Set;

/** Where an order is in its life, and where it may go next. Nothing moves backwards. */
public enum OrderStatus {
    UNPAID, PAID, SHIPPED, COMPLETED, CANCELLED, REFUNDED;

    private static final Map<OrderStatus, Set<OrderStatus>> NEXT = Map.of(
            UNPAID, Set.of(PAID, CANCELLED),
            PAID, Set.of(SHIPPED, COMPLETED, REFUNDED), // COMPLETED from PAID: picked up at the store
            SHIPPED, Set.of(COMPLETED, REFUNDED),
            COMPLETED, Set.of(),
            CANCELLED, Set.of(),
            REFUNDED, Set.of());

    public boolean canMoveTo(OrderStatus next) {
        return NEXT.get(this).contains(next);
    }
}
