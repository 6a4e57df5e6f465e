package com.siyumall.order.checkout;

import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.clients.PromotionClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place a basket gets its price: catalog prices, the discounts promotion-service gives the basket
 * (/internal/pricing/quote: a coupon today), the merchant's freight rule. Points are not priced yet (growth feature).
 */
@Component
class Pricing {
    private final ProductClient products;
    private final PromotionClient promotions;
    private final FreightRuleMapper freight;

    Pricing(ProductClient products, PromotionClient promotions, FreightRuleMapper freight) {
        this.products = products;
        this.promotions = promotions;
        this.freight = freight;
    }

    record Basket(long memberId, List<Item> items, Long couponId, boolean usePoints, boolean pickup) {}

    record Item(long skuId, int quantity) {}

    /** WeChat Pay cannot take 0 fen: discounts stop one fen short of the items amount. */
    private static List<Quote.Discount> leavingSomethingToPay(List<Quote.Discount> discounts, long itemsAmount) {
        List<Quote.Discount> capped = new ArrayList<>();
        long room = itemsAmount - 1;
        for (Quote.Discount d : discounts) {
            long amount = Math.min(d.amount(), Math.max(room, 0));
            capped.add(new Quote.Discount(d.kind(), amount, d.label()));
            room -= amount;
        }
        return capped;
    }

    Quote quote(Basket basket) {
        Map<Long, ProductClient.SkuSnapshot> snapshots = products.snapshots(basket.items().stream().map(Item::skuId).toList());
        List<Quote.PricedLine> lines = new ArrayList<>();
        Map<Long, Long> categories = new java.util.HashMap<>();
        for (Item item : basket.items()) {
            ProductClient.SkuSnapshot sku = snapshots.get(item.skuId());
            if (sku == null) {
                throw new BusinessException(CheckoutError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            if (!sku.buyable()) {
                throw new BusinessException(CheckoutError.PRODUCT_NOT_ON_SALE, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            lines.add(new Quote.PricedLine(sku.skuId(), sku.spuId(), sku.name(), sku.specText(), sku.image(), sku.price(), item.quantity()));
            categories.put(sku.skuId(), sku.categoryId());
        }
        long itemsAmount = lines.stream().mapToLong(Quote.PricedLine::amount).sum();
        List<Quote.Discount> discounts = basket.couponId() == null ? List.of()
                : promotions.quote(basket.memberId(), basket.couponId(), lines.stream().map(l -> new PromotionClient.Line(l.skuId(),
                        l.spuId(), categories.get(l.skuId()), l.price(), l.quantity())).toList())
                .discounts().stream().map(d -> new Quote.Discount(d.kind(), d.amount(), d.label())).toList();
        discounts = leavingSomethingToPay(discounts, itemsAmount);
        long discountAmount = discounts.stream().mapToLong(Quote.Discount::amount).sum();
        long freightAmount = freight.current().freightFor(itemsAmount, basket.pickup());
        return new Quote(itemsAmount, discounts, 0, 0, freightAmount, itemsAmount - discountAmount + freightAmount, lines);
    }
}
