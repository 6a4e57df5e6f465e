package com.siyumall.order.refund;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum RefundError implements ErrorCode {
    REFUND_NOT_ALLOWED(HttpStatus.CONFLICT),
    REFUND_EXCEEDS_PAID(HttpStatus.CONFLICT),
    REFUND_NOT_FOUND(HttpStatus.NOT_FOUND),
    REFUND_ALREADY_DECIDED(HttpStatus.CONFLICT),
    REFUND_LINE_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    RefundError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
