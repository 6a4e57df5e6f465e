package com.siyumall.insight.acquisition;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * Where new members came from — by mini-program scene, channel, inviter, store or guide — and how many of each source
 * paid a first order within 7 and within 30 days of registering.
 */
@Service
class Acquisition {
    private final AnalyticsStore store;

    Acquisition(AnalyticsStore store) {
        this.store = store;
    }

    /** What a source is read from: the member's first touch as MemberRegistered carried it. */
    enum Source {
        SCENE("scene"), CHANNEL("channel"), INVITER("inviter_id"), STORE("store_id"), GUIDE("guide_id");

        private final String column;

        Source(String column) {
            this.column = column;
        }
    }

    /** {@code source} is null for the members who came without one (no inviter, no store...). */
    @Schema(name = "AcquisitionRow")
    record Row(@JsonInclude(JsonInclude.Include.ALWAYS) String source, long newMembers, long firstPurchaseIn7Days,
               double rateIn7Days, long firstPurchaseIn30Days, double rateIn30Days) {}

    /**
     * The {@code limit} largest sources; {@code otherSources} more were left off (an inviter source has one row per
     * inviter: tens of thousands in a large mall), and {@code others} adds them up (source null), present only when there are any.
     */
    @Schema(name = "AcquisitionView")
    record View(LocalDate from, LocalDate to, Source by, List<Row> sources, long otherSources, Row others) {}

    View of(ReportPeriod period, Source by, int limit, MemberFilter filter) {
        // the column comes from the enum, never from the request
        String sql = "WITH firsts AS (SELECT member_id, MIN(paid_at) AS first_paid FROM order_fact GROUP BY member_id) "
                + "SELECT CAST(m." + by.column + " AS VARCHAR) AS source, COUNT(*), "
                + "COUNT(*) FILTER (WHERE f.first_paid <= m.registered_at + INTERVAL 7 DAY), "
                + "COUNT(*) FILTER (WHERE f.first_paid <= m.registered_at + INTERVAL 30 DAY) "
                + "FROM member_fact m LEFT JOIN firsts f ON f.member_id = m.member_id WHERE m.day BETWEEN ? AND ?" + filter.sql() + " "
                + "GROUP BY 1 ORDER BY 2 DESC, 1 NULLS LAST";
        List<Row> rows = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, period.from());
                query.setObject(2, period.to());
                filter.bind(query, 3);
                List<Row> found = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        long members = result.getLong(2);
                        long in7 = result.getLong(3);
                        long in30 = result.getLong(4);
                        found.add(new Row(result.getString(1), members, in7, Share.of(in7, members), in30, Share.of(in30, members)));
                    }
                }
                return found;
            }
        });
        if (rows.size() <= limit) {
            return new View(period.from(), period.to(), by, rows, 0, null);
        }
        long members = 0;
        long in7 = 0;
        long in30 = 0;
        for (Row row : rows.subList(limit, rows.size())) {
            members += row.newMembers();
            in7 += row.firstPurchaseIn7Days();
            in30 += row.firstPurchaseIn30Days();
        }
        return new View(period.from(), period.to(), by, List.copyOf(rows.subList(0, limit)), rows.size() - limit,
                new Row(null, members, in7, Share.of(in7, members), in30, Share.of(in30, members)));
    }
}
