package com.siyumall.insight.report;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum ReportError implements ErrorCode {
    REPORT_PERIOD_INVALID(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    ReportError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
