package com.siyumall.order.checkout;

/** What became of an order attempt: its checkout saga's status and its order's, null where there is none. */
public record OrderAttempt(String orderNo, String sagaStatus, String orderStatus) {}
