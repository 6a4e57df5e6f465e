package com.siyumall.insight.firstpurchase;

import com.siyumall.insight.report.DayBuckets;
import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * How soon new members buy: the members who registered in the period by business days from registration to their
 * first paid order, and the share who bought within the first-purchase window.
 */
@Service
class FirstPurchase {
    private static final DayBuckets BUCKETS = new DayBuckets(0, 1, 2, 7, 14, 30);

    private final AnalyticsStore store;

    FirstPurchase(AnalyticsStore store) {
        this.store = store;
    }

    @Schema(name = "FirstPurchaseView")
    record View(LocalDate from, LocalDate to, long members, List<DayBuckets.Bucket> firstOrderAfterDays, long neverBought,
                int withinDays, long boughtWithin, double shareWithin) {}

    View of(ReportPeriod period, int withinDays, MemberFilter filter) {
        String firsts = "WITH firsts AS (SELECT member_id, MIN(paid_at) AS first_paid, MIN(day) AS first_day FROM order_fact "
                + "GROUP BY member_id) ";
        // the window is a validated int, written into the statement as a number
        String sql = firsts + "SELECT date_diff('day', m.day, f.first_day) AS d, "
                + "COUNT(*), COUNT(*) FILTER (WHERE f.first_paid <= m.registered_at + INTERVAL " + withinDays + " DAY) "
                + "FROM member_fact m LEFT JOIN firsts f ON f.member_id = m.member_id WHERE m.day BETWEEN ? AND ?" + filter.sql()
                + " GROUP BY d";
        long[] totals = new long[3]; // members, never bought, bought within the window
        Map<String, Long> byBucket = BUCKETS.empty();
        store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, period.from());
                query.setObject(2, period.to());
                filter.bind(query, 3);
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
                        byBucket.merge(BUCKETS.labelOf(days), members, Long::sum);
                    }
                }
            }
            return null;
        });
        return new View(period.from(), period.to(), totals[0], DayBuckets.withShares(byBucket, totals[0]), totals[1], withinDays,
                totals[2], Share.of(totals[2], totals[0]));
    }
}
