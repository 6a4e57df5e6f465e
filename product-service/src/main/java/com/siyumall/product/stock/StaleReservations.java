package com.siyumall.product.stock;

import com.siyumall.common.saga.AbandonedHolds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** Units still RESERVED by order attempts that made no live order are released (see {@link AbandonedHolds}). */
@Component
class StaleReservations extends AbandonedHolds {
    private final StockMapper stock;
    private final StockService stockService;

    StaleReservations(StockMapper stock, StockService stockService) {
        super("stock");
        this.stock = stock;
        this.stockService = stockService;
    }

    @Override
    protected List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return stock.reservedBefore(before, afterOrderNo, limit);
    }

    @Override
    protected void release(String orderNo) {
        stockService.release(orderNo);
    }
}
