package com.siyumall.product;

import com.siyumall.product.catalog.CatalogService;
import com.siyumall.product.catalog.Spu;
import com.siyumall.product.category.CategoryService;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** Products for tests, made through the catalog's own service. */
public final class Catalogs {
    private final CatalogService catalog;
    private final CategoryService categories;

    public Catalogs(CatalogService catalog, CategoryService categories) {
        this.catalog = catalog;
        this.categories = categories;
    }

    public long category() {
        return categories.create("Test category " + UUID.randomUUID().toString().substring(0, 8), null, 0, null).getId();
    }

    /** A product on the shelf with one SKU per stock figure, priced 1000, 1100, ... fen. */
    public Spu product(long categoryId, String name, Instant launchAt, int... stocks) {
        List<CatalogService.NewSku> skus = new ArrayList<>();
        for (int i = 0; i < stocks.length; i++) {
            skus.add(new CatalogService.NewSku(Map.of("颜色", "色" + i), 1000 + 100L * i, 2000, null, 300, stocks[i], 0));
        }
        return catalog.create(new CatalogService.ProductInfo(categoryId, name, null, null, List.of("https://img.test/" + name + ".jpg"),
                List.of(), launchAt), skus, true);
    }
}
