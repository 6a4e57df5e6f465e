package com.siyumall.product.stock;

import com.siyumall.common.event.MallEvent;

/** A SKU's available stock fell to (or below) the merchant's threshold. */
public record StockLow(long skuId, long spuId, int available, int threshold) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(skuId);
    }
}
