package com.siyumall.common.error;

import org.springframework.http.HttpStatus;

import java.util.Map;

/**
 * A business refusal another service answered an internal call with (409 STOCK_INSUFFICIENT from product-service, say),
 * relayed to our caller with the same code, status, detail and extra fields — so the shopper learns the real reason.
 */
public class RemoteProblemException extends BusinessException {
    private final transient String title;
    private final transient String detail;

    public RemoteProblemException(String code, HttpStatus status, String title, String detail, Map<String, Object> properties) {
        super(new RemoteError(code, status), properties);
        this.title = title;
        this.detail = detail;
    }

    public String title() {
        return title;
    }

    public String detail() {
        return detail;
    }

    /** The other service's code, kept as it is. */
    public record RemoteError(String name, HttpStatus status) implements ErrorCode {}
}
