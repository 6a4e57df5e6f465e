package com.siyumall.member.member;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum MemberError implements ErrorCode {
    MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND),
    BIRTHDAY_ALREADY_SET(HttpStatus.CONFLICT),
    PHONE_IN_USE(HttpStatus.CONFLICT);

    private final HttpStatus status;

    MemberError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
