package com.siyumall.order.checkout;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum CheckoutError implements ErrorCode {
    SKU_NOT_FOUND(HttpStatus.NOT_FOUND),
    PRODUCT_NOT_ON_SALE(HttpStatus.CONFLICT),
    DELIVERY_REQUIRED(HttpStatus.BAD_REQUEST),
    ADDRESS_GIVEN_TWICE(HttpStatus.BAD_REQUEST),
    DUPLICATE_ITEMS(HttpStatus.BAD_REQUEST),
    STORE_CLOSED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    CheckoutError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
