package com.siyumall.promotion.coupon;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum CouponError implements ErrorCode {
    TEMPLATE_NOT_FOUND(HttpStatus.NOT_FOUND),
    TEMPLATE_INVALID(HttpStatus.BAD_REQUEST),
    COUPON_NOT_CLAIMABLE(HttpStatus.CONFLICT),
    COUPON_SOLD_OUT(HttpStatus.CONFLICT),
    COUPON_LIMIT_REACHED(HttpStatus.CONFLICT),
    COUPON_ISSUE_BUSY(HttpStatus.CONFLICT),
    COUPON_NOT_FOR_YOU(HttpStatus.FORBIDDEN),
    COUPON_NOT_FOUND(HttpStatus.NOT_FOUND),
    COUPON_UNAVAILABLE(HttpStatus.CONFLICT),
    COUPON_NOT_APPLICABLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    CouponError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
