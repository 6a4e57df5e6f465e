package com.siyumall.insight.funnel;

import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A conversion funnel over behavior events: the visitors (members or devices) who did the first step in the period,
 * and of them, who went on to each next step in order, each after the one before and within the window from their
 * first step. Each visitor enters at their first occurrence of the first step and moves on at the earliest
 * occurrence of each next one.
 */
@Service
class Funnel {
    private final AnalyticsStore store;

    Funnel(AnalyticsStore store) {
        this.store = store;
    }

    record Step(String type, long visitors, double fromPrevious, double fromFirst) {}

    record View(LocalDate from, LocalDate to, int windowHours, String channel, List<Step> steps) {}

    View of(ReportPeriod period, List<String> types, int windowHours, String channel) {
        StringBuilder sql = new StringBuilder("WITH e AS (SELECT visitor, type, occurred_at, day, channel FROM stitched_event), "
                + "s1 AS (SELECT visitor, MIN(occurred_at) AS start, MIN(occurred_at) AS t "
                + "FROM e WHERE type = ? AND day BETWEEN ? AND ?" + (channel == null ? "" : " AND channel = ?")
                + " GROUP BY visitor)");
        for (int k = 2; k <= types.size(); k++) {
            // the window is a validated int, written into the statement as a number
            sql.append(", s").append(k).append(" AS (SELECT p.visitor, p.start, MIN(e.occurred_at) AS t FROM s").append(k - 1)
                    .append(" p JOIN e ON e.visitor = p.visitor AND e.type = ? AND e.occurred_at > p.t ")
                    .append("AND e.occurred_at <= p.start + INTERVAL ").append(windowHours).append(" HOUR GROUP BY p.visitor, p.start)");
        }
        sql.append(" SELECT ");
        for (int k = 1; k <= types.size(); k++) {
            sql.append(k == 1 ? "" : ", ").append("(SELECT COUNT(*) FROM s").append(k).append(")");
        }
        long[] counts = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                int i = 0;
                query.setString(++i, types.get(0));
                query.setObject(++i, period.from());
                query.setObject(++i, period.to());
                if (channel != null) {
                    query.setString(++i, channel);
                }
                for (int k = 1; k < types.size(); k++) {
                    query.setString(++i, types.get(k));
                }
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    long[] found = new long[types.size()];
                    for (int k = 0; k < found.length; k++) {
                        found[k] = rows.getLong(k + 1);
                    }
                    return found;
                }
            }
        });
        List<Step> steps = new ArrayList<>();
        for (int k = 0; k < counts.length; k++) {
            steps.add(new Step(types.get(k), counts[k], k == 0 ? 1.0 : Share.of(counts[k], counts[k - 1]), Share.of(counts[k], counts[0])));
        }
        return new View(period.from(), period.to(), windowHours, channel, steps);
    }
}
