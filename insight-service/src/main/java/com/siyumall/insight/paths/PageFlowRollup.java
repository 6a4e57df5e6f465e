package com.siyumall.insight.paths;

import com.siyumall.insight.store.AnalyticsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * Keeps page_flow_day up to date. Sessions need each visitor's events in order, a window over every event of the
 * period: on 10 million events that took 10 s, so it is done once per day and summed by the report. A day is done
 * again when its events with a page, or how many of them are stitched to a member, differ from what the last roll-up
 * saw (events are only ever added), together with the days either side: a session can cross midnight, so a new event
 * can change its neighbours' first step or last page. Nothing on the intake path has to remember anything.
 */
@Component
public class PageFlowRollup {
    private static final Logger log = LoggerFactory.getLogger(PageFlowRollup.class);
    static final int SESSION_GAP_MINUTES = 30;

    private static final String FLOWS = "INSERT INTO page_flow_day WITH e AS MATERIALIZED (SELECT day, page, "
            + "occurred_at - lag(occurred_at) OVER w AS since_previous, lag(page) OVER w AS previous_page, "
            + "lead(occurred_at) OVER w - occurred_at AS until_next FROM stitched_event WHERE page IS NOT NULL AND day BETWEEN ? AND ? "
            + "WINDOW w AS (PARTITION BY visitor ORDER BY occurred_at, event_id)) "
            + "SELECT day, NULL, page, COUNT(*) FROM e WHERE day BETWEEN ? AND ? "
            + "AND (since_previous IS NULL OR since_previous > INTERVAL " + SESSION_GAP_MINUTES + " MINUTE) GROUP BY day, page "
            + "UNION ALL SELECT day, previous_page, page, COUNT(*) FROM e WHERE day BETWEEN ? AND ? "
            + "AND since_previous <= INTERVAL " + SESSION_GAP_MINUTES + " MINUTE AND previous_page <> page GROUP BY day, previous_page, page "
            + "UNION ALL SELECT day, page, NULL, COUNT(*) FROM e WHERE day BETWEEN ? AND ? "
            + "AND (until_next IS NULL OR until_next > INTERVAL " + SESSION_GAP_MINUTES + " MINUTE) GROUP BY day, page";

    private final AnalyticsStore store;

    PageFlowRollup(AnalyticsStore store) {
        this.store = store;
    }

    /** Brings every changed day up to date; returns how many days were rolled up again. */
    public int refresh() {
        return store.write(connection -> {
            Map<LocalDate, List<Long>> now = signatures(connection, "SELECT day, COUNT(*), COUNT(*) FILTER (WHERE member_id IS NULL "
                    + "AND device_id IN (SELECT device_id FROM device_member)) FROM behavior_event WHERE page IS NOT NULL GROUP BY day");
            Map<LocalDate, List<Long>> rolled = signatures(connection, "SELECT day, events, stitched FROM page_flow_rolled");
            TreeSet<LocalDate> redo = new TreeSet<>();
            List<LocalDate> changed = new ArrayList<>();
            now.forEach((day, signature) -> {
                if (!Objects.equals(rolled.get(day), signature)) {
                    changed.add(day);
                    redo.add(day.minusDays(1));
                    redo.add(day);
                    redo.add(day.plusDays(1));
                }
            });
            if (changed.isEmpty()) {
                return 0;
            }
            long started = System.nanoTime();
            for (LocalDate[] range : ranges(redo)) {
                rollUp(connection, range[0], range[1]);
            }
            try (PreparedStatement remember = connection.prepareStatement("INSERT OR REPLACE INTO page_flow_rolled VALUES (?, ?, ?)")) {
                for (LocalDate day : changed) {
                    remember.setObject(1, day);
                    remember.setLong(2, now.get(day).get(0));
                    remember.setLong(3, now.get(day).get(1));
                    remember.addBatch();
                }
                remember.executeBatch();
            }
            log.debug("Page flows of {} days rolled up again in {} ms", redo.size(), (System.nanoTime() - started) / 1_000_000);
            return redo.size();
        });
    }

    @Scheduled(fixedDelayString = "${siyumall.insight.rollup-every:1m}", initialDelayString = "${siyumall.insight.rollup-every:1m}")
    void refreshInTheBackground() {
        refresh();
    }

    private static void rollUp(Connection connection, LocalDate from, LocalDate to) throws SQLException {
        try (PreparedStatement clear = connection.prepareStatement("DELETE FROM page_flow_day WHERE day BETWEEN ? AND ?")) {
            clear.setObject(1, from);
            clear.setObject(2, to);
            clear.executeUpdate();
        }
        try (PreparedStatement insert = connection.prepareStatement(FLOWS)) {
            insert.setObject(1, from.minusDays(1));
            insert.setObject(2, to.plusDays(1));
            for (int i = 3; i <= 8; i += 2) {
                insert.setObject(i, from);
                insert.setObject(i + 1, to);
            }
            insert.executeUpdate();
        }
    }

    private static Map<LocalDate, List<Long>> signatures(Connection connection, String sql) throws SQLException {
        Map<LocalDate, List<Long>> found = new HashMap<>();
        try (ResultSet rows = connection.createStatement().executeQuery(sql)) {
            while (rows.next()) {
                found.put(rows.getObject(1, LocalDate.class), List.of(rows.getLong(2), rows.getLong(3)));
            }
        }
        return found;
    }

    /** Consecutive days as [first, last] ranges. */
    static List<LocalDate[]> ranges(TreeSet<LocalDate> days) {
        List<LocalDate[]> ranges = new ArrayList<>();
        for (LocalDate day : days) {
            LocalDate[] last = ranges.isEmpty() ? null : ranges.get(ranges.size() - 1);
            if (last != null && last[1].plusDays(1).equals(day)) {
                last[1] = day;
            } else {
                ranges.add(new LocalDate[] {day, day});
            }
        }
        return ranges;
    }
}
