package com.siyumall.promotion.groupbuy;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.InternalClients;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.function.Supplier;

/**
 * The product (SPU) a SKU belongs to, asked of product-service when a group-buy activity is created, so product pages
 * can list their group-buys. Best effort: an activity is created all the same when product-service does not answer
 * (it is then listed by its SKU, not its product).
 */
@Component
class CatalogSkus {
    private static final Logger log = LoggerFactory.getLogger(CatalogSkus.class);

    private final Supplier<RestClient> products;

    CatalogSkus(InternalClients clients) {
        this.products = clients.forServiceAt("siyumall.services.product");
    }

    Long spuOf(long skuId) {
        try {
            JsonNode answer = products.get().get().uri("/internal/skus?ids={id}", skuId).retrieve().body(JsonNode.class);
            JsonNode sku = answer == null ? null : answer.path("items").path(0);
            return sku == null || !sku.hasNonNull("spuId") ? null : sku.path("spuId").asLong();
        } catch (RuntimeException e) {
            log.warn("The product of SKU {} is unknown (product-service did not answer: {}); its group-buy is listed by SKU only",
                    skuId, e.toString());
            return null;
        }
    }
}
