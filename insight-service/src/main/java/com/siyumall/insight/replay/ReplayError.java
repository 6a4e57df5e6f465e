package com.siyumall.insight.replay;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum ReplayError implements ErrorCode {
    /** A replay of the topics is already running. */
    REPLAY_RUNNING(HttpStatus.CONFLICT);

    private final HttpStatus status;

    ReplayError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
