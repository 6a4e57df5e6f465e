package com.siyumall.product.stock;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum StockError implements ErrorCode {
    STOCK_INSUFFICIENT(HttpStatus.CONFLICT),
    SKU_NOT_FOUND(HttpStatus.NOT_FOUND),
    PRODUCT_NOT_ON_SALE(HttpStatus.CONFLICT),
    RESERVATION_IN_PROGRESS(HttpStatus.CONFLICT),
    RESERVATION_MISMATCH(HttpStatus.CONFLICT),
    RESERVATION_NOT_FOUND(HttpStatus.NOT_FOUND),
    RESERVATION_RELEASED(HttpStatus.CONFLICT),
    STOCK_WOULD_BE_NEGATIVE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    StockError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
