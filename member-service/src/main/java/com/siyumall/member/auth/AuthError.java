package com.siyumall.member.auth;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum AuthError implements ErrorCode {
    BAD_CREDENTIALS(HttpStatus.UNAUTHORIZED),
    ACCOUNT_LOCKED(HttpStatus.LOCKED),
    ACCOUNT_DISABLED(HttpStatus.FORBIDDEN),
    REFRESH_TOKEN_INVALID(HttpStatus.UNAUTHORIZED),
    REFRESH_TOKEN_REUSED(HttpStatus.UNAUTHORIZED);

    private final HttpStatus status;

    AuthError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
