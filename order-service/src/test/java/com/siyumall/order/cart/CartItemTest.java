package com.siyumall.order.cart;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CartItemTest {
    private static final Instant EARLIER = Instant.parse("2026-12-03T01:00:00Z");
    private static final Instant NOW = Instant.parse("2026-12-03T02:00:00Z");

    @Test
    void aNewSkuComesFirstSelectedWithItsUnits() {
        List<CartItem> before = List.of(new CartItem(7L, 1L, 2, false, EARLIER, EARLIER));
        List<CartItem> after = CartItem.afterAdding(before, 7, 2, 3, NOW);
        assertThat(after).containsExactly(new CartItem(7L, 2L, 3, true, NOW, NOW), before.get(0));
    }

    @Test
    void aSkuAlreadyInGrowsUpToTheMostAndIsSelectedInItsPlace() {
        List<CartItem> before = List.of(new CartItem(7L, 1L, 2, true, NOW, NOW), new CartItem(7L, 2L, 990, false, EARLIER, EARLIER));
        List<CartItem> after = CartItem.afterAdding(before, 7, 2, 20, NOW);
        assertThat(after).containsExactly(before.get(0), new CartItem(7L, 2L, CartItem.MAX_QUANTITY, true, EARLIER, NOW));
        assertThat(CartItem.afterAdding(before, 7, 1, 5, NOW).get(0).quantity()).isEqualTo(7);
    }
}
