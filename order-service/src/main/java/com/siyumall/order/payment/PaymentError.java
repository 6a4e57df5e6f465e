package com.siyumall.order.payment;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum PaymentError implements ErrorCode {
    ORDER_NOT_PAYABLE(HttpStatus.CONFLICT),
    PAYMENT_UNAVAILABLE(HttpStatus.BAD_GATEWAY),
    NOTIFICATION_REJECTED(HttpStatus.UNAUTHORIZED),
    NOTIFICATION_MISMATCH(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    PaymentError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
