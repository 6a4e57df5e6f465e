package com.siyumall.insight.behavior;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import org.springframework.stereotype.Service;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Takes a shopper's batch of behavior events in and hands it to the broker at once: no table is written on the
 * request path (ingestion must never slow checkout down); insight's own consumer stores it.
 */
@Service
class BehaviorIntake {
    private final EventPublisher events;
    private final EventCatalog catalog;
    private final Clock clock;

    BehaviorIntake(EventPublisher events, EventCatalog catalog, Clock clock) {
        this.events = events;
        this.catalog = catalog;
        this.clock = clock;
    }

    /** Accepts the whole batch or none of it; returns how many events it held. */
    int accept(BehaviorBatch batch) {
        Long memberId = CurrentPrincipal.find().filter(p -> p.is(Role.SHOPPER)).map(MallPrincipal::id).orElse(null);
        if (memberId == null && batch.deviceId() == null) {
            throw new BusinessException(BehaviorError.DEVICE_ID_REQUIRED);
        }
        catalog.check(batch.events());
        Instant receivedAt = clock.instant();
        String subject = memberId != null ? "m:" + memberId : "d:" + batch.deviceId();
        List<BehaviorBatchReceived.Event> received = batch.events().stream().map(input -> {
            Instant at = input.at().toInstant();
            // a device clock ahead of ours does not put an event in the future
            Instant when = at.isAfter(receivedAt) ? receivedAt : at;
            String eventId = input.eventId() != null ? input.eventId() : derivedId(subject, input, at);
            return new BehaviorBatchReceived.Event(eventId, input.type(), when, input.page(), input.refPage(), input.scene(),
                    input.channel(), input.sharerId(), input.spuId(), input.props());
        }).toList();
        events.publishNow(Topics.BEHAVIOR_EVENTS, new BehaviorBatchReceived(memberId, batch.deviceId(),
                receivedAt, received));
        return received.size();
    }

    /** The same event sent again without an id gets the same id: a client's retry counts once. */
    private static String derivedId(String subject, BehaviorBatch.Input input, Instant at) {
        String content = String.join("|", subject, input.type(), at.toString(), String.valueOf(input.page()),
                String.valueOf(input.spuId()), String.valueOf(input.sharerId()),
                String.valueOf(input.props() == null ? null : new TreeMap<>(input.props())));
        return "h:" + UUID.nameUUIDFromBytes(content.getBytes(StandardCharsets.UTF_8));
    }
}
