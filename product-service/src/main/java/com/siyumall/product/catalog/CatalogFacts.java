package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.product.stock.SaleableSkus;
import com.siyumall.product.stock.SkuFacts;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Answers checkout's and stock's questions about SKUs: they exist, their product is on sale now (not coming soon),
 * their price and threshold. Served from the product's facts in the two-level cache (dropped on every instance when
 * the merchant changes the product), so an order asks the database nothing here: a profile of the order cycle had
 * these lookups (two full-row queries each, four per submit) as a third of product-service's samples.
 */
@Component
class CatalogFacts implements SaleableSkus {
    private static final int MAX_KNOWN_SKUS = 200_000;

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final ProductCache cache;
    private final ObjectMapper json;
    private final Clock clock;
    /** A SKU never moves to another product, so which product it belongs to is remembered for good. */
    private final Map<Long, Long> productOfSku = new ConcurrentHashMap<>();

    CatalogFacts(SpuMapper spus, SkuMapper skus, ProductCache cache, ObjectMapper json, Clock clock) {
        this.spus = spus;
        this.skus = skus;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
    }

    /** What an order line keeps of what was bought, whatever the merchant changes later. */
    record SkuSnapshot(Long skuId, Long spuId, Long categoryId, String name, String specText, Map<String, String> specs, String image,
                       long price, long originalPrice, Integer weightGrams, boolean buyable) {}

    /** The cached facts of a product, whatever its status. */
    record ProductFacts(Long spuId, Long categoryId, String name, String mainImage, boolean visible, Instant launchAt,
                        List<SkuFact> skus) {
        boolean buyableAt(Instant now) {
            return visible && (launchAt == null || !launchAt.isAfter(now));
        }
    }

    record SkuFact(Long skuId, String specText, LinkedHashMap<String, String> specs, long price, long originalPrice, Integer weightGrams,
                   Integer lowStockThreshold) {}

    private record Found(ProductFacts product, SkuFact sku) {}

    List<SkuSnapshot> snapshots(Collection<Long> skuIds) {
        Instant now = clock.instant();
        List<SkuSnapshot> snapshots = new ArrayList<>();
        for (Found found : find(skuIds).values()) {
            ProductFacts p = found.product();
            SkuFact s = found.sku();
            snapshots.add(new SkuSnapshot(s.skuId(), p.spuId(), p.categoryId(), p.name(), s.specText(), s.specs(), p.mainImage(),
                    s.price(), s.originalPrice(), s.weightGrams(), p.buyableAt(now)));
        }
        return snapshots;
    }

    @Override
    public Map<Long, SkuFacts> factsOf(Collection<Long> skuIds) {
        Instant now = clock.instant();
        Map<Long, SkuFacts> facts = new HashMap<>();
        find(skuIds).forEach((skuId, found) -> facts.put(skuId, new SkuFacts(skuId, found.product().spuId(),
                found.product().buyableAt(now), found.sku().lowStockThreshold())));
        return facts;
    }

    /** The existing SKUs among {@code skuIds}, each with its product's facts, in the order asked. */
    private Map<Long, Found> find(Collection<Long> skuIds) {
        Map<Long, Found> found = new LinkedHashMap<>();
        if (skuIds.isEmpty()) {
            return found;
        }
        List<Long> unknown = skuIds.stream().filter(id -> !productOfSku.containsKey(id)).distinct().toList();
        if (!unknown.isEmpty()) {
            if (productOfSku.size() > MAX_KNOWN_SKUS) {
                productOfSku.clear();
            }
            skus.selectList(new LambdaQueryWrapper<Sku>().select(Sku::getId, Sku::getSpuId).in(Sku::getId, unknown))
                    .forEach(sku -> productOfSku.put(sku.getId(), sku.getSpuId()));
        }
        Map<Long, ProductFacts> products = new HashMap<>();
        for (Long skuId : skuIds) {
            Long spuId = productOfSku.get(skuId);
            ProductFacts product = spuId == null ? null : products.computeIfAbsent(spuId, this::product);
            if (product == null) {
                continue;
            }
            product.skus().stream().filter(s -> s.skuId().equals(skuId)).findFirst()
                    .ifPresent(sku -> found.put(skuId, new Found(product, sku)));
        }
        return found;
    }

    private ProductFacts product(long spuId) {
        return cache.facts(spuId, () -> load(spuId), cached -> {
            try {
                return json.readValue(cached, ProductFacts.class);
            } catch (JsonProcessingException e) {
                throw new IllegalStateException("Cached facts of product " + spuId + " are unreadable", e);
            }
        });
    }

    private String load(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null) {
            return null;
        }
        List<SkuFact> facts = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spuId).orderByAsc(Sku::getId)).stream()
                .map(s -> new SkuFact(s.getId(), s.specText(), s.getSpecs(), s.getPrice(), s.getOriginalPrice(), s.getWeightGrams(),
                        s.getLowStockThreshold())).toList();
        try {
            return json.writeValueAsString(new ProductFacts(spu.getId(), spu.getCategoryId(), spu.getName(), spu.getMainImage(),
                    spu.isVisible(), spu.getLaunchAt(), facts));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
