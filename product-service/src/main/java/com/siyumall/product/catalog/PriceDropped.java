package com.siyumall.product.catalog;

import com.siyumall.common.event.MallEvent;

import java.util.List;

/** A SKU got cheaper; {@code memberIds} asked to be told (price alerts). */
public record PriceDropped(long skuId, long spuId, long oldPrice, long newPrice, List<Long> memberIds) implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(skuId);
    }
}
