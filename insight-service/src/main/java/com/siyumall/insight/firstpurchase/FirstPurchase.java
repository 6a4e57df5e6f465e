package com.siyumall.insight.firstpurchase;

import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How soon new members buy: the members who registered in the period by business days from registration to their
 * first paid order, and the share who bought within the first-purchase window.
 */
@Service
class FirstPurchase {
    /** Bucket labels and the largest day count each holds (inclusive); the last holds the rest. */
    private static final Map<String, Long> BUCKETS = buckets();

    private final AnalyticsStore store;

    FirstPurchase(AnalyticsStore store) {
        this.store = store;
    }

    private static Map<String, Long> buckets() {
        Map<String, Long> buckets = new LinkedHashMap<>();
        buckets.put("0", 0L);
        buckets.put("1", 1L);
        buckets.put("2", 2L);
        buckets.put("3-7", 7L);
        buckets.put("8-14", 14L);
        buckets.put("15-30", 30L);
        buckets.put(">30", Long.MAX_VALUE);
        return buckets;
    }

    record Bucket(String days, long members, double share) {}

    record View(LocalDate from, LocalDate to, long members, List<Bucket> firstOrderAfterDays, long neverBought,
                int withinDays, long boughtWithin, double shareWithin) {}

    View of(ReportPeriod period, int withinDays) {
        String firsts = "WITH firsts AS (SELECT member_id, MIN(paid_at) AS first_paid, MIN(day) AS first_day FROM order_fact "
                + "GROUP BY member_id) ";
        // the window is a validated int, written into the statement as a number
        String sql = firsts + "SELECT date_diff('day', m.day, f.first_day) AS d, "
                + "COUNT(*), COUNT(*) FILTER (WHERE f.first_paid <= m.registered_at + INTERVAL " + withinDays + " DAY) "
                + "FROM member_fact m LEFT JOIN firsts f ON f.member_id = m.member_id WHERE m.day BETWEEN ? AND ? GROUP BY d";
        long[] totals = new long[3]; // members, never bought, bought within the window
        Map<String, Long> byBucket = new LinkedHashMap<>();
        BUCKETS.keySet().forEach(label -> byBucket.put(label, 0L));
        store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, period.from());
                query.setObject(2, period.to());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        long members = rows.getLong(2);
                        totals[0] += members;
                        totals[2] += rows.getLong(3);
                        long days = rows.getLong(1);
                        if (rows.wasNull()) {
                            totals[1] += members;
                            continue;
                        }
                        String label = BUCKETS.entrySet().stream().filter(b -> days <= b.getValue()).findFirst().orElseThrow().getKey();
                        byBucket.merge(label, members, Long::sum);
                    }
                }
            }
            return null;
        });
        List<Bucket> buckets = new ArrayList<>();
        byBucket.forEach((label, members) -> buckets.add(new Bucket(label, members, Share.of(members, totals[0]))));
        return new View(period.from(), period.to(), totals[0], buckets, totals[1], withinDays, totals[2], Share.of(totals[2], totals[0]));
    }
}
