package com.siyumall.common.event;

/**
 * A handler cannot apply its event yet because another event it builds on has not been handled (events of different
 * topics arrive in any order). Thrown from {@link IdempotentEventListener#handle}: nothing is recorded, RocketMQ
 * delivers the event again later, and after the last delivery it is parked like any failure — visible, never dropped.
 */
public class EventArrivedEarly extends RuntimeException {
    public EventArrivedEarly(String message) {
        super(message);
    }
}
