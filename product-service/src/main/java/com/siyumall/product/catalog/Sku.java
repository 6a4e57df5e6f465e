package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.extension.handlers.JacksonTypeHandler;
import com.siyumall.common.error.BusinessException;

import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/** One buyable combination of spec values, with its price in fen. Price > 0 and original price ≥ price, always. */
@TableName(value = "sku", autoResultMap = true)
public class Sku {
    private Long id;
    private Long spuId;
    @TableField(typeHandler = JacksonTypeHandler.class)
    private LinkedHashMap<String, String> specs;
    private String specKey;
    private Long price;
    private Long originalPrice;
    private String barcode;
    private Integer weightGrams;
    private Integer lowStockThreshold;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    static Sku of(long spuId, Map<String, String> specs, long price, long originalPrice, String barcode, Integer weightGrams,
                  int lowStockThreshold) {
        Sku sku = new Sku();
        sku.spuId = spuId;
        sku.specs = new LinkedHashMap<>(specs);
        sku.specKey = keyOf(specs);
        sku.barcode = barcode;
        sku.weightGrams = weightGrams;
        sku.lowStockThreshold = lowStockThreshold;
        sku.reprice(price, originalPrice);
        return sku;
    }

    /** Sets the price; returns whether it went down (subscribers of price alerts care). */
    boolean reprice(long newPrice, long newOriginalPrice) {
        if (newPrice <= 0) {
            throw new BusinessException(CatalogError.INVALID_PRICE, newPrice);
        }
        if (newOriginalPrice < newPrice) {
            throw new BusinessException(CatalogError.ORIGINAL_PRICE_BELOW_PRICE, newOriginalPrice, newPrice);
        }
        boolean dropped = price != null && newPrice < price;
        this.price = newPrice;
        this.originalPrice = newOriginalPrice;
        return dropped;
    }

    /** The spec values in a stable order, so {尺码=M, 颜色=红} and {颜色=红, 尺码=M} are the same SKU. */
    static String keyOf(Map<String, String> specs) {
        return new TreeMap<>(specs).entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(";"));
    }

    /** Refuses two SKUs of one product with the same spec values. */
    static void requireDistinctSpecs(Collection<Map<String, String>> specs) {
        Set<String> seen = new HashSet<>();
        for (Map<String, String> spec : specs) {
            if (!seen.add(keyOf(spec))) {
                throw new BusinessException(CatalogError.DUPLICATE_SPECS, keyOf(spec));
            }
        }
    }

    public String specText() {
        return String.join(" ", specs.values());
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getSpuId() { return spuId; }
    public void setSpuId(Long spuId) { this.spuId = spuId; }
    public LinkedHashMap<String, String> getSpecs() { return specs; }
    public void setSpecs(LinkedHashMap<String, String> specs) { this.specs = specs; }
    public String getSpecKey() { return specKey; }
    public void setSpecKey(String specKey) { this.specKey = specKey; }
    public Long getPrice() { return price; }
    public void setPrice(Long price) { this.price = price; }
    public Long getOriginalPrice() { return originalPrice; }
    public void setOriginalPrice(Long originalPrice) { this.originalPrice = originalPrice; }
    public String getBarcode() { return barcode; }
    public void setBarcode(String barcode) { this.barcode = barcode; }
    public Integer getWeightGrams() { return weightGrams; }
    public void setWeightGrams(Integer weightGrams) { this.weightGrams = weightGrams; }
    public Integer getLowStockThreshold() { return lowStockThreshold; }
    public void setLowStockThreshold(Integer lowStockThreshold) { this.lowStockThreshold = lowStockThreshold; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
