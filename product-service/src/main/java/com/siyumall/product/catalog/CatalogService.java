package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.product.category.CategoryService;
import com.siyumall.product.stock.StockService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The merchant's side of the catalog. Every committed change drops the cached copies of what it touched. */
@Service
public class CatalogService {
    private static final int ALERT_BATCH = 500;

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final PriceAlertMapper alerts;
    private final CategoryService categories;
    private final StockService stock;
    private final ProductCache cache;
    private final EventPublisher events;
    private final Clock clock;

    CatalogService(SpuMapper spus, SkuMapper skus, PriceAlertMapper alerts, CategoryService categories, StockService stock,
                   ProductCache cache, EventPublisher events, Clock clock) {
        this.spus = spus;
        this.skus = skus;
        this.alerts = alerts;
        this.categories = categories;
        this.stock = stock;
        this.cache = cache;
        this.events = events;
        this.clock = clock;
    }

    public record ProductInfo(long categoryId, String name, String subtitle, String description, List<String> images,
                              List<String> tags, Instant launchAt) {}

    public record NewSku(Map<String, String> specs, long price, long originalPrice, String barcode, Integer weightGrams,
                         int stock, int lowStockThreshold) {}

    public record SkuChange(long price, long originalPrice, String barcode, Integer weightGrams, int lowStockThreshold) {}

    @Transactional
    public Spu create(ProductInfo info, List<NewSku> newSkus, boolean onShelf) {
        requireCategory(info.categoryId());
        Sku.requireDistinctSpecs(newSkus.stream().map(NewSku::specs).toList());
        Spu spu = Spu.draft(info.categoryId(), info.name(), info.subtitle(), info.description(), info.images(), info.tags(), info.launchAt());
        spu.setMinPrice(newSkus.stream().mapToLong(NewSku::price).min().orElseThrow());
        if (onShelf) {
            spu.putOnShelf(clock.instant());
        }
        spus.insert(spu);
        for (NewSku newSku : newSkus) {
            insertSku(spu.getId(), newSku);
        }
        cache.evictAfterCommit(spu.getId());
        return spu;
    }

    private Sku insertSku(long spuId, NewSku newSku) {
        Sku sku = Sku.of(spuId, newSku.specs(), newSku.price(), newSku.originalPrice(), newSku.barcode(), newSku.weightGrams(),
                newSku.lowStockThreshold());
        try {
            skus.insert(sku);
        } catch (DuplicateKeyException e) {
            throw new BusinessException(CatalogError.DUPLICATE_SPECS, sku.getSpecKey());
        }
        stock.initialize(sku.getId(), newSku.stock());
        return sku;
    }

    private void requireCategory(long categoryId) {
        if (categories.find(categoryId).isEmpty()) {
            throw new BusinessException(CatalogError.CATEGORY_NOT_FOUND, categoryId);
        }
    }

    @Transactional
    public Spu update(long spuId, ProductInfo info) {
        Spu spu = get(spuId);
        requireCategory(info.categoryId());
        spu.describe(info.categoryId(), info.name(), info.subtitle(), info.description(), info.images(), info.tags(), info.launchAt());
        save(spu);
        return spu;
    }

    @Transactional
    public Sku addSku(long spuId, NewSku newSku) {
        Spu spu = get(spuId);
        Sku sku = insertSku(spuId, newSku);
        spu.setMinPrice(Math.min(spu.getMinPrice(), sku.getPrice()));
        save(spu);
        return sku;
    }

    /** Changes a SKU; a lower price tells the members who asked for a price alert. */
    @Transactional
    public Sku updateSku(long spuId, long skuId, SkuChange change) {
        Spu spu = get(spuId);
        Sku sku = skuOf(spuId, skuId);
        long oldPrice = sku.getPrice();
        boolean dropped = sku.reprice(change.price(), change.originalPrice());
        sku.setBarcode(change.barcode());
        sku.setWeightGrams(change.weightGrams());
        sku.setLowStockThreshold(change.lowStockThreshold());
        skus.updateById(sku);
        spu.setMinPrice(skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spuId)).stream()
                .mapToLong(Sku::getPrice).min().orElse(sku.getPrice()));
        save(spu);
        if (dropped) {
            List<Long> members = alerts.membersWatching(skuId);
            for (int from = 0; from < members.size(); from += ALERT_BATCH) {
                events.publish(Topics.PRODUCT_EVENTS, new PriceDropped(skuId, spuId, oldPrice, sku.getPrice(),
                        members.subList(from, Math.min(members.size(), from + ALERT_BATCH))));
            }
        }
        return sku;
    }

    @Transactional
    public Spu putOnShelf(long spuId) {
        Spu spu = get(spuId);
        spu.putOnShelf(clock.instant());
        save(spu);
        return spu;
    }

    @Transactional
    public Spu takeOffShelf(long spuId) {
        Spu spu = get(spuId);
        spu.takeOffShelf();
        save(spu);
        return spu;
    }

    /** A member asks to hear when this SKU of this product gets cheaper; asking twice is asking once. */
    @Transactional
    public void watchPrice(long memberId, long spuId, long skuId) {
        Spu spu = get(spuId);
        if (!spu.isVisible()) {
            throw new BusinessException(CatalogError.PRODUCT_NOT_FOUND, spuId);
        }
        skuOf(spuId, skuId);
        alerts.watch(memberId, skuId, spuId, clock.instant());
    }

    private void save(Spu spu) {
        if (spus.updateById(spu) == 0) {
            throw new BusinessException(CommonError.CONFLICT);
        }
        cache.evictAfterCommit(spu.getId());
    }

    Spu get(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null) {
            throw new BusinessException(CatalogError.PRODUCT_NOT_FOUND, spuId);
        }
        return spu;
    }

    Sku skuOf(long spuId, long skuId) {
        Sku sku = skus.selectById(skuId);
        if (sku == null || sku.getSpuId() != spuId) {
            throw new BusinessException(CatalogError.PRODUCT_NOT_FOUND, spuId);
        }
        return sku;
    }
}
