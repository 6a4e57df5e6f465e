package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.LikeText;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.product.category.CategoryNode;
import com.siyumall.product.category.CategoryService;
import com.siyumall.product.stock.StockService;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * What shoppers read. The cached parts are what the merchant sets (names, prices, specs); what changes by itself — stock,
 * and whether a product is coming soon, buyable or new at this moment — is worked out on every read.
 */
@Service
public class ProductQueries {
    public enum Sort { SALES, PRICE, NEW }

    private final SpuMapper spus;
    private final SkuMapper skus;
    private final CategoryService categories;
    private final StockService stock;
    private final ProductCache cache;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration newArrivalFor;

    ProductQueries(SpuMapper spus, SkuMapper skus, CategoryService categories, StockService stock, ProductCache cache,
                   ObjectMapper json, Clock clock, @Value("${siyumall.catalog.new-arrival-days:14}") int newArrivalDays) {
        this.spus = spus;
        this.skus = skus;
        this.categories = categories;
        this.stock = stock;
        this.cache = cache;
        this.json = json;
        this.clock = clock;
        this.newArrivalFor = Duration.ofDays(newArrivalDays);
    }

    /** The cached, merchant-set part of a product. */
    record CachedProduct(Long spuId, Long categoryId, String name, String subtitle, String description, String mainImage,
                         List<String> images, List<String> tags, Instant launchAt, Instant onSaleSince, long sales,
                         List<CachedSku> skus) {}

    record CachedSku(Long skuId, Map<String, String> specs, long price, long originalPrice) {}

    public record SkuView(Long skuId, Map<String, String> specs, long price, long originalPrice, int stock) {}

    public record ProductDetail(Long spuId, Long categoryId, String name, String subtitle, String description,
                                String mainImage, List<String> images, List<String> tags, long minPrice, long sales,
                                boolean comingSoon, Instant launchAt, boolean newArrival, boolean buyable,
                                List<SkuView> skus) {}

    public record ProductSummary(Long spuId, String name, String mainImage, long minPrice, long sales,
                                 boolean comingSoon, Instant launchAt, boolean newArrival) {}

    record ListRow(Long spuId, String name, String mainImage, long minPrice, long sales, Instant launchAt,
                           Instant onSaleSince) {}

    record CachedPage(List<ListRow> rows, long page, long size, long total) {}

    public ProductDetail detail(long spuId) {
        CachedProduct product = cache.detail(spuId, () -> load(spuId), cached -> read(cached, CachedProduct.class));
        if (product == null) {
            throw new BusinessException(CatalogError.PRODUCT_NOT_FOUND, spuId);
        }
        Map<Long, Integer> available = stock.available(product.skus().stream().map(CachedSku::skuId).toList());
        Instant now = clock.instant();
        boolean comingSoon = product.launchAt() != null && product.launchAt().isAfter(now);
        boolean newArrival = !comingSoon && product.onSaleSince() != null && now.isBefore(product.onSaleSince().plus(newArrivalFor));
        return new ProductDetail(product.spuId(), product.categoryId(), product.name(), product.subtitle(),
                product.description(), product.mainImage(), product.images(), product.tags(),
                product.skus().stream().mapToLong(CachedSku::price).min().orElse(0), product.sales(),
                comingSoon, product.launchAt(), newArrival, !comingSoon,
                product.skus().stream().map(s -> new SkuView(s.skuId(), s.specs(), s.price(), s.originalPrice(),
                        available.getOrDefault(s.skuId(), 0))).toList());
    }

    /** Null when the product does not exist or is off the shelf: shoppers cannot tell the two apart. */
    private String load(long spuId) {
        Spu spu = spus.selectById(spuId);
        if (spu == null || !spu.isVisible()) {
            return null;
        }
        List<CachedSku> skuList = skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spuId).orderByAsc(Sku::getId))
                .stream().map(s -> new CachedSku(s.getId(), s.getSpecs(), s.getPrice(), s.getOriginalPrice())).toList();
        return write(new CachedProduct(spu.getId(), spu.getCategoryId(), spu.getName(), spu.getSubtitle(), spu.getDescription(),
                spu.getMainImage(), spu.getImages(), spu.tagList(), spu.getLaunchAt(), spu.getOnSaleSince(), spu.getSales(), skuList));
    }

    public PageResult<ProductSummary> list(Long categoryId, String keyword, Sort sort, PageQuery page) {
        String query = "c=" + categoryId + "&k=" + (keyword == null ? "" : keyword.trim()) + "&s=" + sort
                + "&p=" + page.pageOrDefault() + "&n=" + page.sizeOrDefault();
        CachedPage cached = read(cache.list(query, () -> write(loadPage(categoryId, keyword, sort, page))), CachedPage.class);
        Instant now = clock.instant();
        return new PageResult<>(cached.rows().stream().map(r -> {
            boolean comingSoon = r.launchAt() != null && r.launchAt().isAfter(now);
            boolean newArrival = !comingSoon && r.onSaleSince() != null && now.isBefore(r.onSaleSince().plus(newArrivalFor));
            return new ProductSummary(r.spuId(), r.name(), r.mainImage(), r.minPrice(), r.sales(), comingSoon, r.launchAt(), newArrival);
        }).toList(), cached.page(), cached.size(), cached.total());
    }

    private CachedPage loadPage(Long categoryId, String keyword, Sort sort, PageQuery page) {
        LambdaQueryWrapper<Spu> where = new LambdaQueryWrapper<Spu>().eq(Spu::getStatus, Spu.Status.ON_SHELF);
        if (categoryId != null) {
            List<Long> ids = categories.find(categoryId).map(CategoryNode::selfAndDescendantIds).orElse(List.of(-1L));
            where.in(Spu::getCategoryId, ids);
        }
        if (keyword != null && !keyword.isBlank()) {
            String k = LikeText.literal(keyword.trim());
            where.and(w -> w.like(Spu::getName, k).or().like(Spu::getSubtitle, k).or().like(Spu::getTags, k));
        }
        switch (sort) {
            case PRICE -> where.orderByAsc(Spu::getMinPrice);
            case NEW -> where.orderByDesc(Spu::getOnSaleSince);
            default -> where.orderByDesc(Spu::getSales);
        }
        where.orderByDesc(Spu::getId);
        Page<Spu> result = spus.selectPage(Page.of(page.pageOrDefault(), page.sizeOrDefault()), where);
        return new CachedPage(result.getRecords().stream().map(s -> new ListRow(s.getId(), s.getName(), s.getMainImage(),
                s.getMinPrice(), s.getSales(), s.getLaunchAt(), s.getOnSaleSince())).toList(),
                result.getCurrent(), result.getSize(), result.getTotal());
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private <T> T read(String value, Class<T> type) {
        try {
            return json.readValue(value, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable cache entry", e);
        }
    }
}
