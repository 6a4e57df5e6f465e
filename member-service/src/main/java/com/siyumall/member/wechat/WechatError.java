package com.siyumall.member.wechat;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum WechatError implements ErrorCode {
    WECHAT_CODE_INVALID(HttpStatus.BAD_REQUEST),
    WECHAT_CODE_USED(HttpStatus.BAD_REQUEST),
    UNKNOWN_MINI_PROGRAM(HttpStatus.BAD_REQUEST),
    WECHAT_UNAVAILABLE(HttpStatus.BAD_GATEWAY);

    private final HttpStatus status;

    WechatError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
