package com.siyumall.product.stock;

import java.time.Instant;

/** A SKU's stock as MySQL holds it. */
public record SkuStock(Long skuId, Integer available, Integer reserved, Integer sold, Instant updatedAt) {}
