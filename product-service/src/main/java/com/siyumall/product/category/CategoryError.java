package com.siyumall.product.category;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum CategoryError implements ErrorCode {
    CATEGORY_TOO_DEEP(HttpStatus.CONFLICT),
    PARENT_CATEGORY_NOT_FOUND(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    CategoryError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
