package com.siyumall.product.catalog;

import com.siyumall.product.stock.SaleableSkus;
import com.siyumall.product.stock.SkuFacts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Answers stock's questions about SKUs: they exist, their product is on sale now (not coming soon), their threshold. */
@Component
class CatalogFacts implements SaleableSkus {
    private final SpuMapper spus;
    private final SkuMapper skus;
    private final Clock clock;

    CatalogFacts(SpuMapper spus, SkuMapper skus, Clock clock) {
        this.spus = spus;
        this.skus = skus;
        this.clock = clock;
    }

    /** What an order line keeps of what was bought, whatever the merchant changes later. */
    record SkuSnapshot(Long skuId, Long spuId, Long categoryId, String name, String specText, Map<String, String> specs, String image,
                       long price, long originalPrice, Integer weightGrams, boolean buyable) {}

    List<SkuSnapshot> snapshots(Collection<Long> skuIds) {
        if (skuIds.isEmpty()) {
            return List.of();
        }
        List<Sku> found = skus.selectBatchIds(skuIds);
        if (found.isEmpty()) {
            return List.of();
        }
        Map<Long, Spu> products = spus.selectBatchIds(found.stream().map(Sku::getSpuId).distinct().toList()).stream()
                .collect(Collectors.toMap(Spu::getId, Function.identity()));
        Instant now = clock.instant();
        return found.stream().map(sku -> {
            Spu spu = products.get(sku.getSpuId());
            return new SkuSnapshot(sku.getId(), sku.getSpuId(), spu.getCategoryId(), spu.getName(), sku.specText(), sku.getSpecs(), spu.getMainImage(),
                    sku.getPrice(), sku.getOriginalPrice(), sku.getWeightGrams(), spu.isBuyableAt(now));
        }).toList();
    }

    @Override
    public Map<Long, SkuFacts> factsOf(Collection<Long> skuIds) {
        Map<Long, SkuFacts> facts = new HashMap<>();
        if (skuIds.isEmpty()) {
            return facts;
        }
        List<Sku> found = skus.selectBatchIds(skuIds);
        if (found.isEmpty()) {
            return facts;
        }
        Map<Long, Spu> products = spus.selectBatchIds(found.stream().map(Sku::getSpuId).distinct().toList()).stream()
                .collect(Collectors.toMap(Spu::getId, Function.identity()));
        Instant now = clock.instant();
        for (Sku sku : found) {
            Spu spu = products.get(sku.getSpuId());
            facts.put(sku.getId(), new SkuFacts(sku.getId(), sku.getSpuId(), spu != null && spu.isBuyableAt(now),
                    sku.getLowStockThreshold()));
        }
        return facts;
    }
}
