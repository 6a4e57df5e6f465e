package com.siyumall.common.event;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.Instant;

/** What travels on RocketMQ: the event and what every consumer needs to handle it once and trace it. */
public record EventEnvelope(String id, String type, String key, Instant occurredAt, int version, String requestId,
                            JsonNode payload) {
}
