package com.siyumall.promotion.groupbuy;

import com.siyumall.common.error.ErrorCode;
import org.springframework.http.HttpStatus;

public enum GroupBuyError implements ErrorCode {
    GROUP_BUY_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    GROUP_BUY_NOT_FOUND(HttpStatus.NOT_FOUND),
    GROUP_NOT_FOUND(HttpStatus.NOT_FOUND),
    GROUP_BUY_CLOSED(HttpStatus.CONFLICT),
    GROUP_CLOSED(HttpStatus.CONFLICT),
    GROUP_FULL(HttpStatus.CONFLICT),
    ALREADY_IN_GROUP(HttpStatus.CONFLICT),
    GROUP_BUY_LIMIT_REACHED(HttpStatus.CONFLICT),
    NEW_MEMBERS_ONLY(HttpStatus.FORBIDDEN),
    GROUP_BUY_BASKET_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
    GROUP_BUY_NO_COUPON(HttpStatus.UNPROCESSABLE_ENTITY);

    private final HttpStatus status;

    GroupBuyError(HttpStatus status) {
        this.status = status;
    }

    @Override
    public HttpStatus status() {
        return status;
    }
}
