package com.siyumall.order.checkout;

import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.ProductClient;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one place a basket gets its price. Until promotion-service offers /internal/pricing/quote, the quote is the
 * catalog price with no discounts and no points; a coupon named in the basket is then refused when checkout tries to
 * lock it (see {@link com.siyumall.order.clients.Benefits}).
 */
@Component
class Pricing {
    private final ProductClient products;
    private final FreightRuleMapper freight;

    Pricing(ProductClient products, FreightRuleMapper freight) {
        this.products = products;
        this.freight = freight;
    }

    record Basket(long memberId, List<Item> items, Long couponId, boolean usePoints, boolean pickup) {}

    record Item(long skuId, int quantity) {}

    Quote quote(Basket basket) {
        Map<Long, ProductClient.SkuSnapshot> snapshots = products.snapshots(basket.items().stream().map(Item::skuId).toList());
        List<Quote.PricedLine> lines = new ArrayList<>();
        for (Item item : basket.items()) {
            ProductClient.SkuSnapshot sku = snapshots.get(item.skuId());
            if (sku == null) {
                throw new BusinessException(CheckoutError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            if (!sku.buyable()) {
                throw new BusinessException(CheckoutError.PRODUCT_NOT_ON_SALE, Map.of("skuId", Long.toString(item.skuId())), item.skuId());
            }
            lines.add(new Quote.PricedLine(sku.skuId(), sku.spuId(), sku.name(), sku.specText(), sku.image(), sku.price(), item.quantity()));
        }
        long itemsAmount = lines.stream().mapToLong(Quote.PricedLine::amount).sum();
        long freightAmount = freight.current().freightFor(itemsAmount, basket.pickup());
        return new Quote(itemsAmount, List.of(), 0, 0, freightAmount, itemsAmount + freightAmount, lines);
    }
}
