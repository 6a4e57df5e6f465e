package com.siyumall.promotion.firstpurchase;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum FirstPurchaseError implements ErrorCode {
    ACTIVITY_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    ACTIVITY_NOT_FOUND(HttpStatus.NOT_FOUND),
    FIRST_PURCHASE_TAKEN(HttpStatus.CONFLICT),
    FIRST_PURCHASE_NOT_ELIGIBLE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    FirstPurchaseError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
