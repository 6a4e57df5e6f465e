package com.siyumall.member.guide;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum GuideError implements ErrorCode {
    GUIDE_NOT_FOUND(HttpStatus.NOT_FOUND),
    GUIDE_DISABLED(HttpStatus.CONFLICT),
    USERNAME_TAKEN(HttpStatus.CONFLICT);

    private final HttpStatus status;

    GuideError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
