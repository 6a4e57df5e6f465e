package com.siyumall.promotion.repurchase;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum RepurchaseError implements ErrorCode {
    RULE_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    RULE_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    RepurchaseError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
