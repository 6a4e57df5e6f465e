package com.siyumall.common.event;

/**
 * A fact that happened, named in the past tense ({@code OrderPaid}); its simple class name is its type and its RocketMQ
 * tag. Records implementing this are the payloads; keep them small and add fields rather than change them.
 */
public interface MallEvent {

    /** What the event is about (order number, member id...): the message key, and the ordering key where it matters. */
    String eventKey();

    default int eventVersion() {
        return 1;
    }

    default String eventType() {
        return getClass().getSimpleName();
    }
}
