package com.siyumall.insight.rfm;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum RfmError implements ErrorCode {
    /** corePercent + activePercent must leave room for the ordinary tier. */
    PYRAMID_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    RfmError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
