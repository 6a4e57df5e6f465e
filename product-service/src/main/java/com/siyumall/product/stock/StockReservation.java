package com.siyumall.product.stock;

import java.time.Instant;

/** One line of an order's reservation. */
public record StockReservation(String orderNo, Long skuId, Integer quantity, String status, Instant createdAt, Instant updatedAt) {
    public static final String RESERVED = "RESERVED";
    public static final String CONFIRMED = "CONFIRMED";
    public static final String RELEASED = "RELEASED";
}
