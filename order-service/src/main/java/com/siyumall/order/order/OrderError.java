package com.siyumall.order.order;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum OrderError implements ErrorCode {
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND),
    ORDER_STATE_CONFLICT(HttpStatus.CONFLICT),
    ORDER_EXPIRED(HttpStatus.CONFLICT),
    GROUP_BUY_PENDING(HttpStatus.CONFLICT);

    private final HttpStatus status;

    OrderError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
