package com.siyumall.insight.retention;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.ReportPeriod;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Dn retention by registration-day cohort: of the members who registered on a day, the share seen again (any behavior
 * event, login or check-in) exactly n days later. A day not yet reached has no figure (null), not a zero.
 */
@Service
class Retention {
    static final int[] DAYS = {1, 3, 7, 14, 30};
    /** Industry figures for mini-program malls (seed 001): D1 13.2 %, D7 3.1 %, D14 1.7 %. */
    static final Map<String, Double> INDUSTRY = Map.of("d1", 0.132, "d7", 0.031, "d14", 0.017);

    private final AnalyticsStore store;
    private final Clock clock;

    Retention(AnalyticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** {@code rate} is null, and sent as null, while the day is still to come. */
    record Returned(long members, @JsonInclude(JsonInclude.Include.ALWAYS) Double rate) {}

    @Schema(name = "RetentionCohort")
    record Cohort(LocalDate day, long members, Map<String, Returned> returned) {}

    @Schema(name = "RetentionView")
    record View(LocalDate from, LocalDate to, List<Cohort> cohorts, Map<String, Double> industry) {}

    View of(ReportPeriod period, MemberFilter filter) {
        LocalDate today = BusinessTime.today(clock);
        StringBuilder sql = new StringBuilder("SELECT m.day, COUNT(DISTINCT m.member_id)");
        for (int n : DAYS) {
            sql.append(", COUNT(DISTINCT CASE WHEN b.day = m.day + ").append(n).append(" THEN m.member_id END)");
        }
        sql.append(" FROM member_fact m LEFT JOIN (SELECT DISTINCT member_id, day FROM member_seen "
                + "WHERE day BETWEEN ? AND ?) b ON b.member_id = m.member_id WHERE m.day BETWEEN ? AND ?" + filter.sql()
                + " GROUP BY m.day ORDER BY m.day");
        List<Cohort> cohorts = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql.toString())) {
                query.setObject(1, period.from().plusDays(1));
                query.setObject(2, period.to().plusDays(DAYS[DAYS.length - 1]));
                query.setObject(3, period.from());
                query.setObject(4, period.to());
                filter.bind(query, 5);
                List<Cohort> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        LocalDate day = rows.getObject(1, LocalDate.class);
                        long members = rows.getLong(2);
                        Map<String, Returned> returned = new LinkedHashMap<>();
                        for (int i = 0; i < DAYS.length; i++) {
                            boolean reached = !day.plusDays(DAYS[i]).isAfter(today);
                            long back = rows.getLong(3 + i);
                            returned.put("d" + DAYS[i], new Returned(back, reached ? Share.of(back, members) : null));
                        }
                        found.add(new Cohort(day, members, returned));
                    }
                }
                return found;
            }
        });
        return new View(period.from(), period.to(), cohorts, INDUSTRY);
    }
}
