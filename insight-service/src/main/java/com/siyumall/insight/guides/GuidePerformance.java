package com.siyumall.insight.guides;

import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * What guides (or stores) did for the brand in a period: their QR codes scanned ({@code qrcode_scan} events whose
 * props name the guide or store), members who registered through them (first touch), members bound to them, their
 * customers at the period's end (each member's latest binding), coupons they handed out in the period and how many of
 * those were used, and the paid orders attributed to them at submit.
 */
@Service
class GuidePerformance {
    private final AnalyticsStore store;

    GuidePerformance(AnalyticsStore store) {
        this.store = store;
    }

    enum Level {
        GUIDE("guide_id", "guideId"), STORE("store_id", "storeId");

        private final String column;
        private final String prop;

        Level(String column, String prop) {
            this.column = column;
            this.prop = prop;
        }
    }

    /** One guide's or store's figures; {@code id} is the guide's or the store's. */
    @Schema(name = "GuidePerformanceRow")
    record Row(String id, long scans, long newMembers, double registrationsPerScan, long boundMembers, long customers,
               long couponsIssued, long couponsUsed, long orders, long payingMembers, long gmv) {}

    @Schema(name = "GuidePerformanceView")
    record View(LocalDate from, LocalDate to, Level by, List<Row> rows) {}

    /** Every guide (or store) with anything in the period, most GMV first; {@code only}: just that one (zeros when idle). */
    View of(ReportPeriod period, Level by, Long only, int limit) {
        // columns and props come from the enum, the limit is a validated int
        String k = by.column;
        String sql = "WITH scans AS (SELECT TRY_CAST(json_extract_string(props, '$." + by.prop + "') AS BIGINT) AS k, COUNT(*) AS scans "
                + "FROM behavior_event WHERE type = 'qrcode_scan' AND day BETWEEN ? AND ? GROUP BY 1), "
                + "joined AS (SELECT " + k + " AS k, COUNT(*) AS new_members FROM member_fact WHERE day BETWEEN ? AND ? GROUP BY 1), "
                + "bound AS (SELECT " + k + " AS k, COUNT(DISTINCT member_id) AS bound FROM binding_fact WHERE day BETWEEN ? AND ? GROUP BY 1), "
                + "customers AS (SELECT k, COUNT(*) AS customers FROM (SELECT member_id, arg_max(" + k + ", bound_at) AS k "
                + "FROM binding_fact WHERE day <= ? GROUP BY member_id) GROUP BY k), "
                + "coupons AS (SELECT c." + k + " AS k, COUNT(*) AS issued, COUNT(o.order_no) AS used FROM coupon_fact c "
                + "LEFT JOIN order_fact o ON o.coupon_id = c.coupon_id WHERE c.day BETWEEN ? AND ? GROUP BY 1), "
                + "sold AS (SELECT " + k + " AS k, COUNT(*) AS orders, COUNT(DISTINCT member_id) AS buyers, SUM(pay_amount) AS gmv "
                + "FROM order_fact WHERE day BETWEEN ? AND ? GROUP BY 1) "
                + "SELECT k, COALESCE(scans, 0), COALESCE(new_members, 0), COALESCE(bound, 0), COALESCE(customers, 0), "
                + "COALESCE(issued, 0), COALESCE(used, 0), COALESCE(orders, 0), COALESCE(buyers, 0), COALESCE(gmv, 0) AS gmv "
                + "FROM scans FULL JOIN joined USING (k) FULL JOIN bound USING (k) FULL JOIN customers USING (k) "
                + "FULL JOIN coupons USING (k) FULL JOIN sold USING (k) "
                + "WHERE k IS NOT NULL" + (only == null ? "" : " AND k = ?") + " ORDER BY gmv DESC, k LIMIT " + limit;
        List<Row> rows = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int i = 0;
                for (int range = 0; range < 3; range++) {
                    query.setObject(++i, period.from());
                    query.setObject(++i, period.to());
                }
                query.setObject(++i, period.to());
                for (int range = 0; range < 2; range++) {
                    query.setObject(++i, period.from());
                    query.setObject(++i, period.to());
                }
                if (only != null) {
                    query.setLong(++i, only);
                }
                List<Row> found = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        found.add(row(Long.toString(result.getLong(1)), result.getLong(2), result.getLong(3), result.getLong(4),
                                result.getLong(5), result.getLong(6), result.getLong(7), result.getLong(8), result.getLong(9), result.getLong(10)));
                    }
                }
                return found;
            }
        });
        if (only != null && rows.isEmpty()) {
            rows = List.of(row(Long.toString(only), 0, 0, 0, 0, 0, 0, 0, 0, 0));
        }
        return new View(period.from(), period.to(), by, rows);
    }

    private static Row row(String id, long scans, long newMembers, long bound, long customers, long couponsIssued, long couponsUsed,
                           long orders, long buyers, long gmv) {
        return new Row(id, scans, newMembers, Share.of(newMembers, scans), bound, customers, couponsIssued, couponsUsed, orders, buyers, gmv);
    }
}
