package com.siyumall.order.checkout;

import com.siyumall.order.clients.PromotionClient;

import java.util.List;

/**
 * The price of a basket, from one place. {@code payAmount = itemsAmount - sum(discounts) - pointsAmount + freight};
 * {@code firstPurchaseActivityId}: the basket took a first-purchase price, which the order must claim; {@code groupBuy}:
 * a group-buy order, whose seat the order must take.
 */
public record Quote(long itemsAmount, List<Discount> discounts, long pointsUsed, long pointsAmount, long freight, long payAmount,
                    List<PricedLine> lines, Long firstPurchaseActivityId, PromotionClient.GroupBuyRef groupBuy) {

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
