package com.siyumall.order.order;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum OrderError implements ErrorCode {
    ORDER_NOT_FOUND(HttpStatus.NOT_FOUND),
    ORDER_STATE_CONFLICT(HttpStatus.CONFLICT),
    ORDER_EXPIRED(HttpStatus.CONFLICT),
    GROUP_BUY_PENDING(HttpStatus.CONFLICT),
    PICKUP_ORDER_NOT_SHIPPED(HttpStatus.CONFLICT),
    PICKUP_CODE_NOT_FOUND(HttpStatus.NOT_FOUND),
    PICKUP_AT_ANOTHER_STORE(HttpStatus.FORBIDDEN),
    PICKED_UP_ALREADY(HttpStatus.CONFLICT),
    REFUND_IN_PROGRESS(HttpStatus.CONFLICT);

    private final HttpStatus status;

    OrderError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
