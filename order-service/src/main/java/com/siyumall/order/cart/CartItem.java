package com.siyumall.order.cart;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A SKU in a member's cart. */
public record CartItem(Long memberId, Long skuId, Integer quantity, Boolean selected, Instant createdAt, Instant updatedAt) {
    public static final int MAX_QUANTITY = 999;
    public static final int MAX_ITEMS = 100;

    /**
     * The cart as {@link CartMapper#add} leaves it, worked out from the cart before: the SKU's units grow up to
     * {@link #MAX_QUANTITY} and it is selected; a new SKU comes first (the cart lists the newest first).
     */
    public static List<CartItem> afterAdding(List<CartItem> before, long memberId, long skuId, int quantity, Instant at) {
        List<CartItem> after = new ArrayList<>(before.size() + 1);
        boolean found = false;
        for (CartItem item : before) {
            if (item.skuId() == skuId) {
                found = true;
                after.add(new CartItem(memberId, skuId, Math.min(item.quantity() + quantity, MAX_QUANTITY), true, item.createdAt(), at));
            } else {
                after.add(item);
            }
        }
        if (!found) {
            after.add(0, new CartItem(memberId, skuId, quantity, true, at, at));
        }
        return after;
    }
}
