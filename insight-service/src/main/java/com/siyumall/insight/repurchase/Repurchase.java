package com.siyumall.insight.repurchase;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.report.DayBuckets;
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
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * How members buy again: the business days between their 1st and 2nd and between their 2nd and 3rd paid orders (for
 * the later order falling in the period), the share of each week's first buyers who bought again, and who is due for a
 * repurchase reminder today.
 */
@Service
class Repurchase {
    private static final DayBuckets GAP_BUCKETS = new DayBuckets(7, 14, 30, 60, 90);
    /** A cohort's "again within 30 days" is only stated once the last of its members has had the 30 days. */
    static final int AGAIN_WITHIN_DAYS = 30;
    static final int DUE_LISTED = 50;

    private final AnalyticsStore store;
    private final Clock clock;

    Repurchase(AnalyticsStore store, Clock clock) {
        this.store = store;
        this.clock = clock;
    }

    /** The gap between one order and the next; {@code medianDays} is null when nobody made that step. */
    @Schema(name = "RepurchaseStep")
    record Step(long members, @JsonInclude(JsonInclude.Include.ALWAYS) Long medianDays, List<DayBuckets.Bucket> afterDays) {}

    /** First buyers of the week starting {@code week} (a Monday); the 30-day figures are null until every one had 30 days. */
    @Schema(name = "RepurchaseCohort")
    record Cohort(LocalDate week, long firstBuyers, long boughtAgain, double rate,
                  @JsonInclude(JsonInclude.Include.ALWAYS) Long againWithin30Days,
                  @JsonInclude(JsonInclude.Include.ALWAYS) Double rateWithin30Days) {}

    record DueMember(String memberId, LocalDate lastOrderDay, long orders, long spent) {}

    /** Buyers whose last order is {@code afterDays} to {@code lapsedAfterDays} days old; older ones are counted as lapsed. */
    record Due(int afterDays, int lapsedAfterDays, long members, long lapsed, List<DueMember> longestWaiting) {}

    @Schema(name = "RepurchaseView")
    record View(LocalDate from, LocalDate to, Step firstToSecond, Step secondToThird, List<Cohort> cohorts, Due due) {}

    View of(ReportPeriod period, int dueAfterDays, int lapsedAfterDays, MemberFilter members) {
        LocalDate today = BusinessTime.today(clock);
        Map<Integer, TreeMap<Long, Long>> gaps = gaps(period, members);
        return new View(period.from(), period.to(), step(gaps.get(1)), step(gaps.get(2)), cohorts(period, today, members),
                due(today, dueAfterDays, lapsedAfterDays, members));
    }

    /** For n = 1, 2: days from the nth to the (n+1)th order → members, for the (n+1)th paid in the period. */
    private Map<Integer, TreeMap<Long, Long>> gaps(ReportPeriod period, MemberFilter members) {
        String sql = "WITH numbered AS (SELECT member_id, day, row_number() OVER w AS n, lead(day) OVER w AS next_day "
                + "FROM " + members.orders() + " WINDOW w AS (PARTITION BY member_id ORDER BY paid_at, order_no)) "
                + "SELECT n, date_diff('day', day, next_day) AS gap, COUNT(*) FROM numbered "
                + "WHERE n <= 2 AND next_day BETWEEN ? AND ? GROUP BY n, gap";
        Map<Integer, TreeMap<Long, Long>> gaps = Map.of(1, new TreeMap<>(), 2, new TreeMap<>());
        store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int next = members.bind(query, 1);
                query.setObject(next, period.from());
                query.setObject(next + 1, period.to());
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        gaps.get(rows.getInt(1)).put(rows.getLong(2), rows.getLong(3));
                    }
                }
            }
            return null;
        });
        return gaps;
    }

    static Step step(TreeMap<Long, Long> membersByGap) {
        long members = membersByGap.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Long> byBucket = GAP_BUCKETS.empty();
        Long median = null;
        long seen = 0;
        for (Map.Entry<Long, Long> gap : membersByGap.entrySet()) {
            byBucket.merge(GAP_BUCKETS.labelOf(gap.getKey()), gap.getValue(), Long::sum);
            seen += gap.getValue();
            if (median == null && seen * 2 >= members) {
                median = gap.getKey();
            }
        }
        return new Step(members, median, DayBuckets.withShares(byBucket, members));
    }

    private List<Cohort> cohorts(ReportPeriod period, LocalDate today, MemberFilter members) {
        String sql = "WITH numbered AS (SELECT member_id, day, paid_at, row_number() OVER w AS n, lead(paid_at) OVER w AS next_paid "
                + "FROM " + members.orders() + " WINDOW w AS (PARTITION BY member_id ORDER BY paid_at, order_no)) "
                + "SELECT date_trunc('week', day)::DATE AS week, COUNT(*), COUNT(next_paid), "
                + "COUNT(*) FILTER (WHERE next_paid <= paid_at + INTERVAL " + AGAIN_WITHIN_DAYS + " DAY) "
                + "FROM numbered WHERE n = 1 AND day BETWEEN ? AND ? GROUP BY week ORDER BY week";
        return store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                int next = members.bind(query, 1);
                query.setObject(next, period.from());
                query.setObject(next + 1, period.to());
                List<Cohort> cohorts = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        LocalDate week = rows.getObject(1, LocalDate.class);
                        long buyers = rows.getLong(2);
                        long again = rows.getLong(3);
                        LocalDate lastFirstPurchase = min(week.plusDays(6), period.to());
                        boolean settled = lastFirstPurchase.plusDays(AGAIN_WITHIN_DAYS).isBefore(today);
                        cohorts.add(new Cohort(week, buyers, again, Share.of(again, buyers), settled ? rows.getLong(4) : null,
                                settled ? Share.of(rows.getLong(4), buyers) : null));
                    }
                }
                return cohorts;
            }
        });
    }

    private Due due(LocalDate today, int afterDays, int lapsedAfterDays, MemberFilter members) {
        String buyers = "WITH buyers AS (SELECT member_id, MAX(day) AS last_day, COUNT(*) AS orders, SUM(pay_amount) AS spent "
                + "FROM " + members.orders() + " GROUP BY member_id) ";
        LocalDate dueSince = today.minusDays(afterDays);
        LocalDate lapsedBefore = today.minusDays(lapsedAfterDays);
        return store.read(connection -> {
            long due;
            long lapsed;
            try (PreparedStatement query = connection.prepareStatement(buyers + "SELECT COUNT(*) FILTER (WHERE last_day <= ? AND last_day >= ?), "
                    + "COUNT(*) FILTER (WHERE last_day < ?) FROM buyers")) {
                int next = members.bind(query, 1);
                query.setObject(next, dueSince);
                query.setObject(next + 1, lapsedBefore);
                query.setObject(next + 2, lapsedBefore);
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    due = rows.getLong(1);
                    lapsed = rows.getLong(2);
                }
            }
            List<DueMember> listed = new ArrayList<>();
            try (PreparedStatement query = connection.prepareStatement(buyers + "SELECT member_id, last_day, orders, spent FROM buyers "
                    + "WHERE last_day <= ? AND last_day >= ? ORDER BY last_day, spent DESC, member_id LIMIT " + DUE_LISTED)) {
                int next = members.bind(query, 1);
                query.setObject(next, dueSince);
                query.setObject(next + 1, lapsedBefore);
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        listed.add(new DueMember(Long.toString(rows.getLong(1)), rows.getObject(2, LocalDate.class), rows.getLong(3), rows.getLong(4)));
                    }
                }
            }
            return new Due(afterDays, lapsedAfterDays, due, lapsed, listed);
        });
    }

    private static LocalDate min(LocalDate a, LocalDate b) {
        return a.isBefore(b) ? a : b;
    }
}
