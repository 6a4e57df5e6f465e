package com.siyumall.promotion.pricing;

import java.util.ArrayList;
import java.util.List;

/**
 * The basket as the price chain works on it: what the items cost, the discounts taken so far and the points used.
 * Whatever a step asks for, the sheet never lets the amount to pay fall below one fen (WeChat Pay cannot take 0)
 * nor rise above the items amount.
 */
public final class PriceSheet {
    private final PriceChain.Basket basket;
    private final long itemsAmount;
    private final List<PriceChain.Discount> discounts = new ArrayList<>();
    private long pointsUsed;
    private long pointsAmount;
    private Long firstPurchaseActivityId;
    private PriceChain.GroupBuyRef groupBuy;

    PriceSheet(PriceChain.Basket basket) {
        this.basket = basket;
        this.itemsAmount = basket.lines().stream().mapToLong(PriceChain.Line::amount).sum();
    }

    public PriceChain.Basket basket() {
        return basket;
    }

    public long itemsAmount() {
        return itemsAmount;
    }

    /** What is left to pay after the discounts and points so far. */
    public long payable() {
        return itemsAmount - discounts.stream().mapToLong(PriceChain.Discount::amount).sum() - pointsAmount;
    }

    /** Takes a discount, as far as it leaves something to pay; a discount that would take nothing is left out. */
    public void discount(String kind, long amount, String label, Long couponId) {
        long taken = Math.min(Math.max(amount, 0), payable() - 1);
        if (taken > 0) {
            discounts.add(new PriceChain.Discount(kind, taken, label, couponId));
        }
    }

    /** Pays part of the rest with points; {@code amount} fen for {@code points}. */
    public void payWithPoints(long points, long amount) {
        if (points > 0 && amount > 0 && amount <= payable() - 1) {
            pointsUsed += points;
            pointsAmount += amount;
        }
    }

    /** The basket took a first-purchase price: checkout must claim it for the order. */
    public void tookFirstPurchase(long activityId) {
        firstPurchaseActivityId = activityId;
    }

    /** The basket is a group-buy order: checkout must take its seat. */
    public void tookGroupBuy(long activityId, Long groupId) {
        groupBuy = new PriceChain.GroupBuyRef(activityId, groupId);
    }

    PriceChain.Quote toQuote() {
        return new PriceChain.Quote(itemsAmount, List.copyOf(discounts), pointsUsed, pointsAmount, payable(), firstPurchaseActivityId, groupBuy);
    }
}
