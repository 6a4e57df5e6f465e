package com.siyumall.order.clients;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

/** Refusals of the benefit seams. */
public enum CheckoutRefusal implements ErrorCode {
    COUPON_UNAVAILABLE(HttpStatus.CONFLICT),
    POINTS_UNAVAILABLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    CheckoutRefusal(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
