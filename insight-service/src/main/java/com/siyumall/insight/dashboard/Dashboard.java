package com.siyumall.insight.dashboard;

import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;

/**
 * A day at a glance against the day before and the week before: visitors (anyone seen: behavior events, logins,
 * check-ins), new members, paying members, orders, GMV, the refunds of the day (money given back that day, whenever its
 * order was paid) and the day's check-ins.
 */
@Service
class Dashboard {
    private static final int WEEK = 7;
    /** visitors, new members, paying members, orders, gmv, refunds, refunded amount, check-ins. */
    private static final int FIGURES = 8;
    private final AnalyticsStore store;

    Dashboard(AnalyticsStore store) {
        this.store = store;
    }

    record DayFigures(LocalDate day, long visitors, long newMembers, long payingMembers, long orders, long gmv,
                      double conversion, long refunds, long refundAmount, long checkIns) {
        static DayFigures of(LocalDate day, long[] f) {
            return new DayFigures(day, f[0], f[1], f[2], f[3], f[4], Share.of(f[2], f[0]), f[5], f[6], f[7]);
        }
    }

    record WeekAverage(LocalDate from, LocalDate to, double visitors, double newMembers, double payingMembers,
                       double orders, double gmv, double conversion, double refunds, double refundAmount,
                       double checkIns) {}

    @Schema(name = "DashboardView")
    record View(DayFigures today, DayFigures yesterday, WeekAverage sevenDayAverage) {}

    View of(LocalDate day) {
        LocalDate weekStart = day.minusDays(WEEK);
        Map<LocalDate, long[]> figures = store.read(connection -> {
            Map<LocalDate, long[]> byDay = new HashMap<>();
            fill(connection.prepareStatement("SELECT day, COUNT(DISTINCT visitor) FROM (SELECT day, visitor FROM stitched_event "
                    + "UNION ALL SELECT day, 'm:' || member_id FROM login_fact UNION ALL SELECT day, 'm:' || member_id FROM check_in_fact) "
                    + "WHERE day BETWEEN ? AND ? GROUP BY day"), weekStart, day, byDay, 0);
            fill(connection.prepareStatement("SELECT day, COUNT(*) FROM member_fact WHERE day BETWEEN ? AND ? GROUP BY day"),
                    weekStart, day, byDay, 1);
            fill(connection.prepareStatement("SELECT day, COUNT(DISTINCT member_id), COUNT(*), SUM(pay_amount) FROM order_fact "
                    + "WHERE day BETWEEN ? AND ? GROUP BY day"), weekStart, day, byDay, 2);
            fill(connection.prepareStatement("SELECT day, COUNT(*), SUM(amount) FROM refund_fact WHERE day BETWEEN ? AND ? GROUP BY day"),
                    weekStart, day, byDay, 5);
            fill(connection.prepareStatement("SELECT day, COUNT(*) FROM check_in_fact WHERE day BETWEEN ? AND ? GROUP BY day"),
                    weekStart, day, byDay, 7);
            return byDay;
        });
        DayFigures today = figuresOf(day, figures);
        DayFigures yesterday = figuresOf(day.minusDays(1), figures);
        long[] week = new long[FIGURES];
        for (int i = 1; i <= WEEK; i++) {
            long[] one = figures.getOrDefault(day.minusDays(i), new long[FIGURES]);
            for (int k = 0; k < week.length; k++) {
                week[k] += one[k];
            }
        }
        WeekAverage average = new WeekAverage(weekStart, day.minusDays(1), average(week[0]), average(week[1]),
                average(week[2]), average(week[3]), average(week[4]), Share.of(week[2], week[0]), average(week[5]), average(week[6]),
                average(week[7]));
        return new View(today, yesterday, average);
    }

    private static void fill(PreparedStatement query, LocalDate from, LocalDate to, Map<LocalDate, long[]> byDay, int first)
            throws java.sql.SQLException {
        try (query) {
            query.setObject(1, from);
            query.setObject(2, to);
            try (ResultSet rows = query.executeQuery()) {
                int columns = rows.getMetaData().getColumnCount();
                while (rows.next()) {
                    long[] figures = byDay.computeIfAbsent(rows.getObject(1, LocalDate.class), d -> new long[FIGURES]);
                    for (int c = 2; c <= columns; c++) {
                        figures[first + c - 2] = rows.getLong(c);
                    }
                }
            }
        }
    }

    private static DayFigures figuresOf(LocalDate day, Map<LocalDate, long[]> figures) {
        return DayFigures.of(day, figures.getOrDefault(day, new long[FIGURES]));
    }

    private static double average(long total) {
        return Math.round(total * 10.0 / WEEK) / 10.0;
    }
}
