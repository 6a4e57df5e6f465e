package com.siyumall.order.cart;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum CartError implements ErrorCode {
    CART_ITEM_NOT_FOUND(HttpStatus.NOT_FOUND),
    CART_FULL(HttpStatus.CONFLICT),
    SKU_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    CartError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
