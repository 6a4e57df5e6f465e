package com.siyumall.product.stock;

import java.util.Collection;
import java.util.Map;

/** The catalog, as stock sees it (implemented by the catalog, so stock does not depend on it). */
public interface SaleableSkus {
    /** Facts of the SKUs that exist; unknown ids are absent. */
    Map<Long, SkuFacts> factsOf(Collection<Long> skuIds);
}
