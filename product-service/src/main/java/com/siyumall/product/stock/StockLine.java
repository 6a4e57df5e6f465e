package com.siyumall.product.stock;

/** A quantity of one SKU in a reservation. */
public record StockLine(long skuId, int quantity) {}
