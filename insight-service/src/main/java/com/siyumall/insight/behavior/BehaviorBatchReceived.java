package com.siyumall.insight.behavior;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * A batch of behavior events as the mall took it in: whose they are (the member, else the device), when it arrived, and
 * the events, each with an id that is the same however often the client sends it.
 */
public record BehaviorBatchReceived(Long memberId, String deviceId, Instant receivedAt, List<Event> events) implements MallEvent {

    public record Event(String eventId, String type, Instant at, String page, String refPage, Integer scene,
                        String channel, Long sharerId, Long spuId, Map<String, String> props) {}

    @Override
    public String eventKey() {
        return memberId != null ? memberId.toString() : deviceId;
    }
}
