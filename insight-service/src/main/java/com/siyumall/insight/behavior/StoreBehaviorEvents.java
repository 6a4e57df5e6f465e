package com.siyumall.insight.behavior;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.insight.store.AnalyticsStore;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.Collections;

import static com.siyumall.insight.store.Values.businessDay;
import static com.siyumall.insight.store.Values.setInt;
import static com.siyumall.insight.store.Values.setLong;
import static com.siyumall.insight.store.Values.utc;

/** Stores each batch of behavior events in the analytical store; an event id already there is skipped (a retried batch). */
@Component
@RocketMQMessageListener(topic = Topics.BEHAVIOR_EVENTS, selectorExpression = "BehaviorBatchReceived", consumerGroup = "insight-behavior")
class StoreBehaviorEvents extends IdempotentEventListener<BehaviorBatchReceived> {
    private static final int COLUMNS = 15;
    private final AnalyticsStore store;
    private final ObjectMapper json;

    StoreBehaviorEvents(AnalyticsStore store, ObjectMapper json) {
        super(BehaviorBatchReceived.class);
        this.store = store;
        this.json = json;
    }

    /** Every row is written under the fact's own id, {@code INSERT OR IGNORE}: a repeat adds nothing. */
    @Override
    protected boolean repeatsAreHarmless() {
        return true;
    }

    @Override
    protected void handle(BehaviorBatchReceived batch, EventEnvelope envelope) {
        if (batch.events() == null || batch.events().isEmpty()) {
            return;
        }
        String subject = batch.memberId() != null ? "m:" + batch.memberId() : "d:" + batch.deviceId();
        // the appender first (a batch is nearly always new); a batch sent again goes in row by row, skipping the known
        store.appendNew("behavior_event", batch.events(), (row, event) -> row.append(event.eventId()).append(event.type())
                .append(batch.memberId()).append(batch.deviceId()).append(subject).append(event.page()).append(event.refPage())
                .append(event.scene()).append(event.channel()).append(event.sharerId()).append(event.spuId()).append(props(event))
                .append(utc(event.at())).append(businessDay(event.at())).append(utc(batch.receivedAt())),
                connection -> insertSkippingKnown(connection, batch, subject));
        if (batch.memberId() != null && batch.deviceId() != null) {
            linkDevice(batch);
        }
    }

    /** The device's events before the member logged in become the member's; the first member seen on a device keeps it. */
    private void linkDevice(BehaviorBatchReceived batch) {
        store.write(connection -> {
            try (PreparedStatement link = connection.prepareStatement(
                    "INSERT OR IGNORE INTO device_member (device_id, member_id, linked_at) VALUES (?, ?, ?)")) {
                link.setString(1, batch.deviceId());
                link.setLong(2, batch.memberId());
                link.setObject(3, utc(batch.receivedAt()));
                return link.executeUpdate();
            }
        });
    }

    private int insertSkippingKnown(Connection connection, BehaviorBatchReceived batch, String subject) throws SQLException {
        // one statement for the batch: DuckDB pays per statement, not per row
        String rows = String.join(",", Collections.nCopies(batch.events().size(), "(" + "?,".repeat(COLUMNS - 1) + "?)"));
        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO behavior_event (event_id, type, "
                + "member_id, device_id, subject, page, ref_page, scene, channel, sharer_id, spu_id, props, occurred_at, day, "
                + "received_at) VALUES " + rows)) {
            int i = 0;
            for (BehaviorBatchReceived.Event event : batch.events()) {
                insert.setString(++i, event.eventId());
                insert.setString(++i, event.type());
                setLong(insert, ++i, batch.memberId());
                insert.setString(++i, batch.deviceId());
                insert.setString(++i, subject);
                insert.setString(++i, event.page());
                insert.setString(++i, event.refPage());
                setInt(insert, ++i, event.scene());
                insert.setString(++i, event.channel());
                setLong(insert, ++i, event.sharerId());
                setLong(insert, ++i, event.spuId());
                insert.setString(++i, props(event));
                insert.setObject(++i, utc(event.at()));
                insert.setObject(++i, businessDay(event.at()));
                insert.setObject(++i, utc(batch.receivedAt()));
            }
            return insert.executeUpdate();
        }
    }

    private String props(BehaviorBatchReceived.Event event) {
        if (event.props() == null || event.props().isEmpty()) {
            return null;
        }
        try {
            return json.writeValueAsString(event.props());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("props cannot be written as JSON", e);
        }
    }
}
