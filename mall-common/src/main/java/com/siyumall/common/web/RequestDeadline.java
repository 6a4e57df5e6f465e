package com.siyumall.common.web;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;

import java.time.Duration;

/**
 * How long the caller still waits for the request this thread serves. The gateway sends its own response timeout less a
 * margin in {@code X-Request-Timeout-Ms}; every internal call passes on what is left, less a margin for answering, and
 * waits no longer than that. So a service answers (503 {@code BUSY} if it must) before its caller gives up, instead of
 * working on for a caller that has gone: each call's timeout is shorter than its caller's, end to end. A relative time,
 * not an instant, so clocks of different hosts need not agree. Without the header (scheduled jobs, consumers, tests
 * calling a service directly) there is no deadline and calls use their own timeouts.
 */
public final class RequestDeadline {
    public static final String HEADER = "X-Request-Timeout-Ms";
    /** Left for the service itself to answer (and undo what it started) after a call it made ran out of time. */
    static final Duration ANSWER_MARGIN = Duration.ofMillis(300);
    private static final long LONGEST_MILLIS = Duration.ofMinutes(2).toMillis();
    private static final ThreadLocal<Long> DEADLINE_NANOS = new ThreadLocal<>();

    private RequestDeadline() {}

    /** Starts the deadline of the request this thread now serves, from the caller's header; a bad or absent value: none. */
    static void begin(String timeoutMillisHeader) {
        long millis = parse(timeoutMillisHeader);
        if (millis > 0) {
            DEADLINE_NANOS.set(System.nanoTime() + millis * 1_000_000);
        } else {
            DEADLINE_NANOS.remove();
        }
    }

    static void end() {
        DEADLINE_NANOS.remove();
    }

    private static long parse(String header) {
        if (header == null || header.isEmpty() || header.length() > 9) {
            return 0;
        }
        long millis = 0;
        for (int i = 0; i < header.length(); i++) {
            char digit = header.charAt(i);
            if (digit < '0' || digit > '9') {
                return 0;
            }
            millis = millis * 10 + (digit - '0');
        }
        return Math.min(millis, LONGEST_MILLIS);
    }

    /** The time the caller still waits, or null when this thread serves no request with a deadline. */
    public static Duration remaining() {
        Long deadline = DEADLINE_NANOS.get();
        return deadline == null ? null : Duration.ofNanos(deadline - System.nanoTime());
    }

    /**
     * The timeout of a call this request makes now: its own {@code longest}, or less when the caller will not wait that
     * long (what remains less {@link #ANSWER_MARGIN}). When nothing remains the call is not made: 503 {@code BUSY}.
     */
    public static Duration forCall(Duration longest) {
        Duration timeout = forWait(longest);
        if (timeout.toMillis() <= 0) {
            throw new BusinessException(CommonError.BUSY);
        }
        return timeout;
    }

    /** How long waiting for something local (a permit, a lock) may take: at most {@code longest}, never past the deadline. */
    public static Duration forWait(Duration longest) {
        Duration remaining = remaining();
        if (remaining == null) {
            return longest;
        }
        Duration usable = remaining.minus(ANSWER_MARGIN);
        return usable.isNegative() ? Duration.ZERO : usable.compareTo(longest) < 0 ? usable : longest;
    }
}
