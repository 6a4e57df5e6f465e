package com.siyumall.member.merchant;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

enum MerchantError implements ErrorCode {
    MERCHANT_ACCOUNT_NOT_FOUND(HttpStatus.NOT_FOUND),
    USERNAME_TAKEN(HttpStatus.CONFLICT),
    CANNOT_DISABLE_SELF(HttpStatus.CONFLICT);

    private final HttpStatus status;

    MerchantError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
