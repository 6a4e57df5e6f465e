package com.siyumall.gateway.edge;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Requests this gateway instance counted per rate-limit key in the current second. The limiter asks Redis only for a
 * key past its local allowance (a share of its limit), so a shopper within their limit costs no round trip; past it,
 * the first Redis increment carries everything counted here, so one instance limits exactly, and N instances pass at
 * most (N - 1) x allowance beyond a limit in a second.
 */
final class LocalAllowance {
    private record Window(long second, ConcurrentHashMap<String, AtomicInteger> counts) {}

    private final AtomicReference<Window> window = new AtomicReference<>(new Window(Long.MIN_VALUE, new ConcurrentHashMap<>()));

    /** Counts one request on the key in this second; the key's count so far, this one included. */
    int count(String key, long second) {
        Window current = window.get();
        while (current.second() != second) {
            Window next = new Window(second, new ConcurrentHashMap<>());
            if (window.compareAndSet(current, next)) {
                current = next;
            } else {
                current = window.get();
            }
        }
        return current.counts().computeIfAbsent(key, k -> new AtomicInteger()).incrementAndGet();
    }

    /**
     * What Redis must add for a key counted {@code count} times here, with {@code allowance} passed locally: nothing
     * within the allowance, everything counted so far on the first request past it, then one per request.
     */
    static int owedToRedis(int count, int allowance) {
        if (count <= allowance) {
            return 0;
        }
        return count == allowance + 1 ? count : 1;
    }
}
