package com.siyumall.insight.wakeup;

import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static com.siyumall.insight.store.Values.utc;

/**
 * Finds the members who visited within the last {@code window} (24 h), have been quiet for {@code quiet} (30 min: they
 * left, and an order they paid has had time to arrive) and paid no order since their first visit in the window, and
 * announces each once per business day. The announcement goes to the outbox first and is then remembered here: a
 * crash in between announces again, and member-service sends at most one message per member per day anyway.
 */
@Component
class VisitsWithoutPurchase {
    private static final int BATCH = 1_000;
    private static final String FIND = "WITH visits AS (SELECT visitor_member_id AS member_id, MIN(occurred_at) AS first_at, "
            + "MAX(occurred_at) AS last_at, arg_max(page, occurred_at) AS last_page FROM stitched_event "
            + "WHERE visitor_member_id IS NOT NULL AND day >= ? AND occurred_at > ? AND occurred_at <= ? GROUP BY 1) "
            + "SELECT member_id, first_at, last_at, last_page FROM visits v WHERE last_at <= ? "
            + "AND NOT EXISTS (SELECT 1 FROM order_fact o WHERE o.member_id = v.member_id AND o.paid_at >= v.first_at) "
            + "AND NOT EXISTS (SELECT 1 FROM wake_up_announced a WHERE a.member_id = v.member_id AND a.day = ?) "
            + "ORDER BY last_at, member_id LIMIT " + BATCH;

    private final AnalyticsStore store;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration window;
    private final Duration quiet;

    VisitsWithoutPurchase(AnalyticsStore store, EventPublisher events, TransactionTemplate transaction, Clock clock,
                          @Value("${siyumall.insight.wake-up.window:24h}") Duration window,
                          @Value("${siyumall.insight.wake-up.quiet:30m}") Duration quiet) {
        this.store = store;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
        this.window = window;
        this.quiet = quiet;
    }

    @Scheduled(fixedDelayString = "${siyumall.insight.wake-up.check-every:5m}",
            initialDelayString = "${siyumall.insight.wake-up.check-every:5m}")
    void announceInTheBackground() {
        announce();
    }

    /** Announces everyone due now; returns how many. */
    int announce() {
        Instant now = clock.instant();
        LocalDate today = BusinessTime.today(clock);
        int announced = 0;
        List<VisitedWithoutBuying> due;
        do {
            due = due(now, today);
            if (!due.isEmpty()) {
                List<VisitedWithoutBuying> batch = due;
                transaction.executeWithoutResult(status -> batch.forEach(visit -> events.publish(Topics.INSIGHT_EVENTS, visit)));
                remember(batch, today, now);
                announced += batch.size();
            }
        } while (due.size() == BATCH);
        return announced;
    }

    private List<VisitedWithoutBuying> due(Instant now, LocalDate today) {
        Instant since = now.minus(window);
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(FIND)) {
                query.setObject(1, LocalDate.ofInstant(since, BusinessTime.ZONE));
                query.setObject(2, utc(since));
                query.setObject(3, utc(now));
                query.setObject(4, utc(now.minus(quiet)));
                query.setObject(5, today);
                List<VisitedWithoutBuying> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new VisitedWithoutBuying(rows.getLong(1), instant(rows, 2), instant(rows, 3), rows.getString(4)));
                    }
                }
                return found;
            }
        });
    }

    private void remember(List<VisitedWithoutBuying> visits, LocalDate today, Instant now) {
        store.write(connection -> {
            try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO wake_up_announced VALUES (?, ?, ?)")) {
                for (VisitedWithoutBuying visit : visits) {
                    insert.setLong(1, visit.memberId());
                    insert.setObject(2, today);
                    insert.setObject(3, utc(now));
                    insert.addBatch();
                }
                return insert.executeBatch().length;
            }
        });
    }

    private static Instant instant(ResultSet rows, int column) throws SQLException {
        return rows.getObject(column, LocalDateTime.class).toInstant(ZoneOffset.UTC);
    }
}
