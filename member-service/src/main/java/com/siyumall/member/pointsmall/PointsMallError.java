package com.siyumall.member.pointsmall;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum PointsMallError implements ErrorCode {
    ITEM_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    ITEM_NOT_FOUND(HttpStatus.NOT_FOUND),
    ITEM_OFF_SHELF(HttpStatus.CONFLICT),
    ITEM_SOLD_OUT(HttpStatus.CONFLICT),
    EXCHANGE_LIMIT_REACHED(HttpStatus.CONFLICT),
    ADDRESS_REQUIRED(HttpStatus.UNPROCESSABLE_ENTITY);

    private final HttpStatus status;

    PointsMallError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
