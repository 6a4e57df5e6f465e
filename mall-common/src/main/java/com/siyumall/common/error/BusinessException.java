package com.siyumall.common.error;

import java.util.Map;

/**
 * A rule of the business said no. Thrown with a stable {@link ErrorCode}; the shared handler turns it into problem+json
 * whose {@code detail} is the localized message of the code, filled with {@code args}. {@code properties} go into the
 * body as they are (for example the SKUs that ran out).
 */
public class BusinessException extends RuntimeException {
    private final transient ErrorCode errorCode;
    private final transient Object[] args;
    private final transient Map<String, Object> properties;

    public BusinessException(ErrorCode errorCode, Object... args) {
        this(errorCode, Map.of(), args);
    }

    public BusinessException(ErrorCode errorCode, Map<String, Object> properties, Object... args) {
        super(errorCode.code());
        this.errorCode = errorCode;
        this.args = args;
        this.properties = Map.copyOf(properties);
    }

    public ErrorCode errorCode() {
        return errorCode;
    }

    public Object[] args() {
        return args.clone();
    }

    public Map<String, Object> properties() {
        return properties;
    }
}
