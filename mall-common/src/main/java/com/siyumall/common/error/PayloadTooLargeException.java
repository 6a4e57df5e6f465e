package com.siyumall.common.error;

/** The request body is larger than the mall accepts. */
public class PayloadTooLargeException extends RuntimeException {
    private final long limitBytes;

    public PayloadTooLargeException(long limitBytes) {
        super("request body larger than " + limitBytes + " bytes");
        this.limitBytes = limitBytes;
    }

    public long limitBytes() {
        return limitBytes;
    }
}
