package com.siyumall.promotion.guide;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum GuideError implements ErrorCode {
    NOT_YOUR_CUSTOMER(HttpStatus.FORBIDDEN),
    GUIDE_QUOTA_EXCEEDED(HttpStatus.CONFLICT),
    QRCODE_NOT_FOUND(HttpStatus.NOT_FOUND),
    QRCODE_WITHOUT_COUPON(HttpStatus.CONFLICT),
    WECHAT_UNAVAILABLE(HttpStatus.SERVICE_UNAVAILABLE);

    private final HttpStatus status;

    GuideError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
