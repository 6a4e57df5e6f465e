package com.siyumall.product.catalog;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum CatalogError implements ErrorCode {
    PRODUCT_NOT_FOUND(HttpStatus.NOT_FOUND),
    CATEGORY_NOT_FOUND(HttpStatus.BAD_REQUEST),
    INVALID_PRICE(HttpStatus.BAD_REQUEST),
    ORIGINAL_PRICE_BELOW_PRICE(HttpStatus.BAD_REQUEST),
    DUPLICATE_SPECS(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    CatalogError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
