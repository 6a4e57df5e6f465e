package com.siyumall.insight.paths;

import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Usage paths: how many sessions there were, the pages they started on, the steps from page to page taken most, and
 * the pages sessions ended on. Read from the daily page flows, brought up to date first so the answer is exact.
 */
@Service
class Paths {
    private final AnalyticsStore store;
    private final PageFlowRollup rollup;

    Paths(AnalyticsStore store, PageFlowRollup rollup) {
        this.store = store;
        this.rollup = rollup;
    }

    /** A page and the sessions that started (or ended) on it, with their share of all sessions. */
    record PageCount(String page, long sessions, double share) {}

    /** A step from one page to the next, with its share of all steps. */
    @Schema(name = "PathsStep")
    record Step(String from, String to, long steps, double share) {}

    @Schema(name = "PathsView")
    record View(LocalDate from, LocalDate to, int sessionGapMinutes, long sessions, long steps, List<PageCount> entries,
                List<Step> topSteps, List<PageCount> exits) {}

    private record Flow(String from, String to, long visits) {}

    View of(ReportPeriod period, int limit) {
        rollup.refresh();
        List<Flow> flows = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement("SELECT from_page, to_page, SUM(visits) FROM page_flow_day "
                    + "WHERE day BETWEEN ? AND ? GROUP BY ALL")) {
                query.setObject(1, period.from());
                query.setObject(2, period.to());
                List<Flow> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(new Flow(rows.getString(1), rows.getString(2), rows.getLong(3)));
                    }
                }
                return found;
            }
        });
        Comparator<Flow> mostFirst = Comparator.comparingLong(Flow::visits).reversed()
                .thenComparing(f -> f.from() == null ? "" : f.from()).thenComparing(f -> f.to() == null ? "" : f.to());
        long sessions = flows.stream().filter(f -> f.from() == null).mapToLong(Flow::visits).sum();
        long steps = flows.stream().filter(f -> f.from() != null && f.to() != null).mapToLong(Flow::visits).sum();
        List<PageCount> entries = flows.stream().filter(f -> f.from() == null).sorted(mostFirst).limit(limit)
                .map(f -> new PageCount(f.to(), f.visits(), Share.of(f.visits(), sessions))).toList();
        List<Step> topSteps = flows.stream().filter(f -> f.from() != null && f.to() != null).sorted(mostFirst).limit(limit)
                .map(f -> new Step(f.from(), f.to(), f.visits(), Share.of(f.visits(), steps))).toList();
        List<PageCount> exits = flows.stream().filter(f -> f.to() == null).sorted(mostFirst).limit(limit)
                .map(f -> new PageCount(f.from(), f.visits(), Share.of(f.visits(), sessions))).toList();
        return new View(period.from(), period.to(), PageFlowRollup.SESSION_GAP_MINUTES, sessions, steps, entries, topSteps, exits);
    }
}
