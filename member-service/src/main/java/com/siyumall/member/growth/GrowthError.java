package com.siyumall.member.growth;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum GrowthError implements ErrorCode {
    ENTRY_LEVEL_FIXED(HttpStatus.UNPROCESSABLE_ENTITY),
    LEVEL_THRESHOLD_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    LEVEL_THRESHOLD_TAKEN(HttpStatus.CONFLICT),
    LEVEL_DISCOUNT_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    LEVEL_MULTIPLIER_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    LEVEL_NOT_FOUND(HttpStatus.NOT_FOUND),
    LEVEL_IN_USE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    GrowthError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
