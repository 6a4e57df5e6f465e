package com.siyumall.insight.segments;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum SegmentError implements ErrorCode {
    /** The kind of segment needs a field the request did not give (or gave out of range). */
    SEGMENT_RULE_INVALID(HttpStatus.BAD_REQUEST),
    SEGMENT_NOT_FOUND(HttpStatus.NOT_FOUND);

    private final HttpStatus status;

    SegmentError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
