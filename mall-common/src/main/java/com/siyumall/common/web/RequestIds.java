package com.siyumall.common.web;

import org.slf4j.MDC;

import java.util.UUID;
import java.util.regex.Pattern;

/** The request id follows a request through the gateway, every service, RocketMQ and the logs. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    public static final String MDC_KEY = "requestId";
    private static final Pattern ACCEPTABLE = Pattern.compile("[A-Za-z0-9._-]{1,64}");

    private RequestIds() {}

    /** The id the caller sent when it is well-formed, else a new one. */
    public static String acceptOrCreate(String candidate) {
        return candidate != null && ACCEPTABLE.matcher(candidate).matches() ? candidate : create();
    }

    public static String create() {
        return UUID.randomUUID().toString().replace("-", "");
    }

    public static String current() {
        return MDC.get(MDC_KEY);
    }
}
