package com.siyumall.product.stock;

/** What stock needs to know of a SKU from the catalog: whether it can be bought now and when to warn. */
public record SkuFacts(long skuId, long spuId, boolean buyable, int lowStockThreshold) {}
