package com.siyumall.order.cart;

import java.time.Instant;

/** A SKU in a member's cart. */
public record CartItem(Long memberId, Long skuId, Integer quantity, Boolean selected, Instant createdAt, Instant updatedAt) {
    public static final int MAX_QUANTITY = 999;
    public static final int MAX_ITEMS = 100;
}
