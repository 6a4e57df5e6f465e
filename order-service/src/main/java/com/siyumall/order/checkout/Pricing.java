package com.siyumall.order.checkout;

import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.MemberClient;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.clients.PromotionClient;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place a basket gets its price: catalog prices, then promotion-service's price chain (level discount, coupon,
 * points — with the member's terms from member-service), then the merchant's freight rule (free at levels with free
 * shipping). The chain never leaves less than one fen to pay. A submit that follows its preview within
 * {@code siyumall.checkout.quote-holds-for} pays the previewed quote ({@link RecentQuotes}) when the catalog still
 * agrees; so preview and submit cannot disagree, and the submit skips two internal calls.
 */
@Component
class Pricing {
    private final ProductClient products;
    private final PromotionClient promotions;
    private final MemberClient members;
    private final FreightRuleController.FreightRules freight;
    private final RecentQuotes recent;

    Pricing(ProductClient products, PromotionClient promotions, MemberClient members, FreightRuleController.FreightRules freight,
            @Value("${siyumall.checkout.quote-holds-for:60s}") Duration quoteHoldsFor) {
        this.products = products;
        this.promotions = promotions;
        this.members = members;
        this.freight = freight;
        this.recent = new RecentQuotes(quoteHoldsFor, 10_000);
    }

    record Basket(long memberId, List<Item> items, Long couponId, boolean usePoints, boolean pickup, PromotionClient.GroupBuyRef groupBuy) {}

    record Item(long skuId, int quantity) {}

    /** The price a preview shows; remembered for the submit that follows. */
    Quote preview(Basket basket) {
        Quote quote = quote(basket, products.snapshots(basket.items().stream().map(Item::skuId).toList()));
        recent.remember(basket, quote);
        return quote;
    }

    /**
     * The price a submit pays, for a basket whose SKU snapshots checkout got with its reservation: the quote its preview
     * showed if that still holds, a fresh one otherwise.
     */
    Quote forSubmit(Basket basket, Map<Long, ProductClient.SkuSnapshot> snapshots) {
        Quote shown = recent.take(basket, snapshots);
        return shown != null ? shown : quote(basket, snapshots);
    }

    private Quote quote(Basket basket, Map<Long, ProductClient.SkuSnapshot> snapshots) {
        List<Quote.PricedLine> lines = new ArrayList<>();
        List<PromotionClient.Line> chainLines = new ArrayList<>();
        for (Item item : basket.items()) {
            ProductClient.SkuSnapshot sku = snapshots.get(item.skuId());
            if (sku == null) {
                throw new BusinessException(CheckoutError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            if (!sku.buyable()) {
                throw new BusinessException(CheckoutError.PRODUCT_NOT_ON_SALE, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            lines.add(new Quote.PricedLine(sku.skuId(), sku.spuId(), sku.name(), sku.specText(), sku.image(), sku.price(), item.quantity()));
            chainLines.add(new PromotionClient.Line(sku.skuId(), sku.spuId(), sku.categoryId(), sku.price(), item.quantity()));
        }
        MemberClient.MemberBenefits member = members.benefits(basket.memberId());
        PromotionClient.Quote chain = promotions.quote(basket.memberId(), basket.couponId(), basket.usePoints(),
                new PromotionClient.MemberTerms(member.levelName(), member.levelDiscountPercent(), member.pointsBalance(),
                        member.pointsPerYuan(), member.maxPointsDeductPercent()), basket.groupBuy(), chainLines);
        List<Quote.Discount> discounts = chain.discounts().stream().map(d -> new Quote.Discount(d.kind(), d.amount(), d.label())).toList();
        long freightAmount = member.freeShipping() ? 0 : freight.current().freightFor(chain.itemsAmount(), basket.pickup());
        return new Quote(chain.itemsAmount(), discounts, chain.pointsUsed(), chain.pointsAmount(), freightAmount,
                chain.payAmount() + freightAmount, lines, chain.firstPurchaseActivityId(), chain.groupBuy());
    }
}
