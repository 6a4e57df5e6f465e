package com.siyumall.order.checkout;

import java.util.List;

/**
 * The price of a basket, from one place. {@code payAmount = itemsAmount - sum(discounts) - pointsAmount + freight}.
 */
public record Quote(long itemsAmount, List<Discount> discounts, long pointsUsed, long pointsAmount, long freight, long payAmount,
                    List<PricedLine> lines) {

    public record Discount(String kind, long amount, String label) {}

    public record PricedLine(long skuId, long spuId, String name, String specText, String image, long price, int quantity) {
        long amount() {
            return price * quantity;
        }
    }

    public long discountAmount() {
        return discounts.stream().mapToLong(Discount::amount).sum();
    }
}
