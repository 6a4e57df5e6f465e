package com.siyumall.insight.behavior;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum BehaviorError implements ErrorCode {
    DEVICE_ID_REQUIRED(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    BehaviorError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
