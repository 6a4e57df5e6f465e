package com.siyumall.member.store;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum StoreError implements ErrorCode {
    STORE_NOT_FOUND(HttpStatus.NOT_FOUND),
    STORE_CLOSED(HttpStatus.CONFLICT);

    private final HttpStatus status;

    StoreError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
