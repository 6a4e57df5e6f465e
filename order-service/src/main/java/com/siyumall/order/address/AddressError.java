package com.siyumall.order.address;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum AddressError implements ErrorCode {
    ADDRESS_NOT_FOUND(HttpStatus.NOT_FOUND),
    ADDRESS_BOOK_FULL(HttpStatus.CONFLICT),
    REGION_CODE_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    AddressError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
