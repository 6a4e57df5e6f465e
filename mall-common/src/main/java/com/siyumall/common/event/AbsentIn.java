package com.siyumall.common.event;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * On a field of a consumer's event record that one record reads from several events: the events (types) that do not
 * carry it, where it arrives null. The build's event-contract check accepts its absence there and nowhere else.
 *
 * <pre>
 * record OrderSettled(String orderNo, long memberId, &#64;AbsentIn("OrderCancelled") Instant paidAt) {}
 * </pre>
 */
@Target({ElementType.RECORD_COMPONENT, ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface AbsentIn {
    String[] value();
}
