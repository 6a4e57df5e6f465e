package com.siyumall.insight.repurchase;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum RepurchaseError implements ErrorCode {
    /** lapsedAfterDays must be more than dueAfterDays. */
    REMINDER_WINDOW_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    RepurchaseError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
