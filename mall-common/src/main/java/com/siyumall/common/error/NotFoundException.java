package com.siyumall.common.error;

/** The resource does not exist, or is not the caller's: both answer 404 so ids cannot be probed. */
public class NotFoundException extends BusinessException {
    public NotFoundException(String resource, Object id) {
        super(CommonError.NOT_FOUND, resource, String.valueOf(id));
    }
}
