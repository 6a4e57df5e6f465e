package com.siyumall.insight.sharers;

import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Share-back and KOC: the members whose shares work. For each sharer in the period: shares made, distinct visitors who
 * opened one (themselves not counted), members who registered as their invitees, and the paid orders and money of
 * the members they invited (whenever those registered).
 */
@Service
class Sharers {
    private final AnalyticsStore store;

    Sharers(AnalyticsStore store) {
        this.store = store;
    }

    enum Rank {
        REACHED("reached"), REGISTRATIONS("registrations"), ORDERS("orders"), GMV("gmv"), SHARES("shares");

        private final String column;

        Rank(String column) {
            this.column = column;
        }
    }

    record Sharer(String memberId, long shares, long reached, long registrations, long orders, long gmv) {}

    /** Sums over every sharer of the period, not only those listed ({@code reached}: a visitor reached by two counts twice). */
    record Totals(long sharers, long shares, long reached, long registrations, long orders, long gmv) {}

    @Schema(name = "SharersView")
    record View(LocalDate from, LocalDate to, Rank by, List<Sharer> sharers, Totals totals) {}

    View of(ReportPeriod period, Rank by, int limit) {
        // the ranking column comes from the enum, the limit is a validated int
        String sql = "WITH shares AS (SELECT visitor_member_id AS sharer, COUNT(*) AS shares FROM stitched_event "
                + "WHERE type = 'share' AND visitor_member_id IS NOT NULL AND day BETWEEN ? AND ? GROUP BY 1), "
                + "reached AS (SELECT sharer_id AS sharer, COUNT(DISTINCT visitor) AS reached FROM stitched_event "
                + "WHERE type = 'share_open' AND sharer_id IS NOT NULL AND visitor_member_id IS DISTINCT FROM sharer_id "
                + "AND day BETWEEN ? AND ? GROUP BY 1), "
                + "invited AS (SELECT inviter_id AS sharer, COUNT(*) AS registrations FROM member_fact "
                + "WHERE inviter_id IS NOT NULL AND day BETWEEN ? AND ? GROUP BY 1), "
                + "driven AS (SELECT m.inviter_id AS sharer, COUNT(*) AS orders, SUM(o.pay_amount) AS gmv FROM order_fact o "
                + "JOIN member_fact m ON m.member_id = o.member_id WHERE m.inviter_id IS NOT NULL AND o.day BETWEEN ? AND ? GROUP BY 1), "
                + "every AS MATERIALIZED (SELECT sharer, COALESCE(shares, 0) AS shares, COALESCE(reached, 0) AS reached, "
                + "COALESCE(registrations, 0) AS registrations, COALESCE(orders, 0) AS orders, COALESCE(gmv, 0) AS gmv "
                + "FROM shares FULL JOIN reached USING (sharer) FULL JOIN invited USING (sharer) FULL JOIN driven USING (sharer)) "
                + "(SELECT 0 AS part, * FROM (SELECT * FROM every ORDER BY " + by.column + " DESC, sharer LIMIT " + limit + ")) "
                + "UNION ALL (SELECT 1, COUNT(*), SUM(shares), SUM(reached), SUM(registrations), SUM(orders), SUM(gmv) FROM every) "
                + "ORDER BY part, " + by.column + " DESC, sharer";
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 1; i <= 8; i += 2) {
                    query.setObject(i, period.from());
                    query.setObject(i + 1, period.to());
                }
                List<Sharer> sharers = new ArrayList<>();
                Totals totals = null;
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        if (rows.getInt(1) == 0) {
                            sharers.add(new Sharer(Long.toString(rows.getLong(2)), rows.getLong(3), rows.getLong(4), rows.getLong(5),
                                    rows.getLong(6), rows.getLong(7)));
                        } else {
                            totals = new Totals(rows.getLong(2), rows.getLong(3), rows.getLong(4), rows.getLong(5), rows.getLong(6), rows.getLong(7));
                        }
                    }
                }
                return new View(period.from(), period.to(), by, sharers, totals);
            }
        });
    }
}
