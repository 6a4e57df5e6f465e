package com.siyumall.promotion.pricing;

import io.swagger.v3.oas.annotations.media.Schema;
import java.util.List;

/**
 * The price of a basket as a chain of steps — level discount, activity price, coupon, points — each adding its
 * explained line to one {@link PriceSheet}. Pure: the same basket and steps always give the same quote.
 */
public final class PriceChain {
    private PriceChain() {}

    @Schema(name = "PriceChainLine")
    public record Line(long skuId, long spuId, Long categoryId, long price, int quantity) {
        long amount() {
            return price * quantity;
        }
    }

    /** What member-service says the member may use: the level's discount and the points rules with the balance. */
    public record MemberTerms(String levelName, int levelDiscountPercent, long pointsBalance, long pointsPerYuan,
                              int maxPointsDeductPercent) {
        public static final MemberTerms NONE = new MemberTerms(null, 0, 0, 100, 0);
    }

    public record Basket(long memberId, List<Line> lines, MemberTerms member, boolean usePoints) {}

    public record Discount(String kind, long amount, String label, Long couponId) {}

    /**
     * {@code payAmount = itemsAmount - sum(discounts) - pointsAmount}, at least 1 fen and never above the items;
     * {@code firstPurchaseActivityId} names the first-purchase activity the basket used, which checkout must claim;
 * {@code groupBuy} the group-buy whose seat checkout must take.
     */
    public record Quote(long itemsAmount, List<Discount> discounts, long pointsUsed, long pointsAmount, long payAmount,
                        Long firstPurchaseActivityId, GroupBuyRef groupBuy) {}

    /** A group-buy order: the activity, and the group to join (null: the member opens one). */
    public record GroupBuyRef(long activityId, Long groupId) {}

    /** One calculator of the chain. */
    public interface Step {
        void apply(PriceSheet sheet);
    }

    public static Quote quote(Basket basket, List<Step> steps) {
        PriceSheet sheet = new PriceSheet(basket);
        for (Step step : steps) {
            step.apply(sheet);
        }
        return sheet.toQuote();
    }

    /** The member level's percent off the items (会员折扣). */
    static final Step LEVEL_DISCOUNT = sheet -> {
        MemberTerms member = sheet.basket().member();
        if (member.levelDiscountPercent() > 0) {
            sheet.discount("LEVEL", sheet.itemsAmount() * member.levelDiscountPercent() / 100,
                    member.levelName() + " " + (100 - member.levelDiscountPercent()) + "%", null);
        }
    };

    /**
     * Points pay at most the merchant's share of what is left, and only whole fen: {@code pointsPerYuan} points make
     * 100 fen, the points used are rounded up to cover the fen taken, and never exceed the balance.
     */
    static final Step POINTS = sheet -> {
        MemberTerms member = sheet.basket().member();
        if (!sheet.basket().usePoints() || member.pointsBalance() <= 0) {
            return;
        }
        long cap = sheet.payable() * member.maxPointsDeductPercent() / 100;
        long fen = Math.min(Math.min(cap, sheet.payable() - 1), member.pointsBalance() * 100 / member.pointsPerYuan());
        long points = (fen * member.pointsPerYuan() + 99) / 100;
        sheet.payWithPoints(points, fen);
    };
}
