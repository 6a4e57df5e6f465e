package com.siyumall.insight.behavior;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum BehaviorError implements ErrorCode {
    DEVICE_ID_REQUIRED(HttpStatus.BAD_REQUEST),
    /** An event type neither built in nor defined by the merchant. */
    EVENT_TYPE_UNKNOWN(HttpStatus.BAD_REQUEST),
    EVENT_DEFINITION_NOT_FOUND(HttpStatus.NOT_FOUND),
    /** A custom event's props under a key its definition does not list. */
    EVENT_PROPERTY_UNKNOWN(HttpStatus.BAD_REQUEST),
    /** A built-in type cannot be redefined. */
    EVENT_TYPE_BUILT_IN(HttpStatus.CONFLICT);

    private final HttpStatus status;

    BehaviorError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
