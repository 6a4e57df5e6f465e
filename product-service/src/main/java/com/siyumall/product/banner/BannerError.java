package com.siyumall.product.banner;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum BannerError implements ErrorCode {
    BANNER_NOT_FOUND(HttpStatus.NOT_FOUND),
    BANNER_WINDOW_INVALID(HttpStatus.BAD_REQUEST),
    AUDIENCE_PARAMETER_MISSING(HttpStatus.BAD_REQUEST);

    private final HttpStatus status;

    BannerError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
