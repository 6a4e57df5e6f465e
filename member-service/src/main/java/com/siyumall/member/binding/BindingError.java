package com.siyumall.member.binding;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum BindingError implements ErrorCode {
    NOT_YOUR_CUSTOMER(HttpStatus.FORBIDDEN),
    CUSTOMER_PROTECTED(HttpStatus.CONFLICT),
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND),
    SAME_GUIDE(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    BindingError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
