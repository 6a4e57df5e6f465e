package com.siyumall.common.web;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller method as a write that must not happen twice: it takes the {@code Idempotency-Key} header, and a
 * repeat (even a concurrent one) returns the first result — {@link IdempotentRequests} around the method, keyed by the
 * caller and the method's arguments (path variables and body). The method's return type must be a plain JSON type
 * (not a ResponseEntity), since the first result is stored and read back.
 *
 * <pre>
 * &#64;PostMapping("/api/points-mall/{itemId}/exchange")
 * &#64;Idempotent("points-mall.exchange")
 * Exchange exchange(&#64;PathVariable long itemId, &#64;RequestBody ExchangeRequest request) { ... }
 * </pre>
 */
@Target(ElementType.METHOD)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Idempotent {
    /** The operation, e.g. {@code points-mall.exchange}; a key is unique per operation and caller. */
    String value();

    /**
     * Whether a request without a key is refused (400 IDEMPOTENCY_KEY_REQUIRED). False only where clients that predate
     * the key must keep working: with a key a retry returns the first result, without one the write simply runs.
     */
    boolean keyRequired() default true;
}
