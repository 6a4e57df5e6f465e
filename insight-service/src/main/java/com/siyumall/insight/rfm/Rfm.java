package com.siyumall.insight.rfm;

import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.report.Share;
import com.siyumall.insight.store.AnalyticsStore;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * RFM of the buyers of a look-back window: each buyer's recency (business days since the last paid order), frequency
 * (paid orders) and monetary value (fen paid), read against thresholds into the eight classic segments, and ranked
 * into the 1:2:7 pyramid — the core tenth, the active fifth after them, the ordinary rest — with how much of the
 * money each tier brings.
 */
@Service
public class Rfm {
    private final AnalyticsStore store;

    Rfm(AnalyticsStore store) {
        this.store = store;
    }

    /** The eight segments by recent (R), frequent (F) and high-value (M), as merchants in China name them. */
    public enum Segment {
        IMPORTANT_VALUE(true, true, true), IMPORTANT_DEVELOP(true, false, true), IMPORTANT_RETAIN(false, true, true),
        IMPORTANT_WIN_BACK(false, false, true), GENERAL_VALUE(true, true, false), GENERAL_DEVELOP(true, false, false),
        GENERAL_RETAIN(false, true, false), GENERAL_WIN_BACK(false, false, false);

        final boolean recent;
        final boolean frequent;
        final boolean highValue;

        Segment(boolean recent, boolean frequent, boolean highValue) {
            this.recent = recent;
            this.frequent = frequent;
            this.highValue = highValue;
        }

        static Segment of(boolean recent, boolean frequent, boolean highValue) {
            for (Segment segment : values()) {
                if (segment.recent == recent && segment.frequent == frequent && segment.highValue == highValue) {
                    return segment;
                }
            }
            throw new IllegalStateException("every combination is a segment");
        }
    }

    enum Tier { CORE, ACTIVE, ORDINARY }

    /**
     * A buyer is recent with a last order at most {@code recencyDays} ago, frequent with at least {@code frequency}
     * orders, high-value having paid at least {@code monetary} fen (by default the buyers' mean, rounded down).
     */
    record Thresholds(int recencyDays, int frequency, long monetary, boolean monetaryIsTheMean) {}

    /** {@code members}: the buyers counted at all (all of them with {@link MemberFilter#NONE}). */
    public record Criteria(LocalDate asOf, int lookbackDays, int recencyDays, int frequency, Long monetary, int corePercent, int activePercent,
                           MemberFilter members) {
        LocalDate since() {
            return asOf.minusDays(lookbackDays - 1L);
        }
    }

    record SegmentRow(Segment segment, boolean recent, boolean frequent, boolean highValue, long members, double share,
                      long monetary, double shareOfMonetary) {}

    /** {@code minMonetary}: what the tier's last buyer paid, the line a buyer crosses into it. */
    record TierRow(Tier tier, long members, double share, long monetary, double shareOfMonetary, long minMonetary) {}

    @Schema(name = "RfmView")
    record View(LocalDate asOf, int lookbackDays, long buyers, long monetary, Thresholds thresholds, List<SegmentRow> segments,
                int corePercent, int activePercent, List<TierRow> pyramid) {}

    /** The buyers of the lookback; its placeholders, in order: as of, the filter's, since, as of ({@link #bindBuyers}). */
    private static String buyers(Criteria criteria) {
        return "WITH buyers AS (SELECT member_id, date_diff('day', MAX(day), ?) AS recency, COUNT(*) AS frequency, "
                + "SUM(pay_amount) AS monetary FROM " + criteria.members().orders() + " WHERE day BETWEEN ? AND ? GROUP BY member_id) ";
    }

    View of(Criteria criteria) {
        return store.read(connection -> {
            long[] totals = totals(connection, criteria); // buyers, money, mean rounded down
            long monetaryLine = criteria.monetary() != null ? criteria.monetary() : totals[2];
            Thresholds thresholds = new Thresholds(criteria.recencyDays(), criteria.frequency(), monetaryLine, criteria.monetary() == null);
            return new View(criteria.asOf(), criteria.lookbackDays(), totals[0], totals[1], thresholds,
                    segments(connection, criteria, thresholds, totals), criteria.corePercent(), criteria.activePercent(),
                    pyramid(connection, criteria, totals));
        });
    }

    private static long[] totals(Connection connection, Criteria criteria) throws SQLException {
        try (PreparedStatement query = connection.prepareStatement(buyers(criteria)
                + "SELECT COUNT(*), COALESCE(SUM(monetary), 0) FROM buyers")) {
            bindBuyers(query, criteria);
            try (ResultSet rows = query.executeQuery()) {
                rows.next();
                long buyers = rows.getLong(1);
                long money = rows.getLong(2);
                return new long[] {buyers, money, buyers == 0 ? 0 : money / buyers};
            }
        }
    }

    private static List<SegmentRow> segments(Connection connection, Criteria criteria, Thresholds thresholds, long[] totals)
            throws SQLException {
        Map<Segment, long[]> found = new EnumMap<>(Segment.class);
        try (PreparedStatement query = connection.prepareStatement(buyers(criteria) + "SELECT recency <= ?, frequency >= ?, monetary >= ?, "
                + "COUNT(*), SUM(monetary) FROM buyers GROUP BY ALL")) {
            int i = bindBuyers(query, criteria);
            query.setInt(++i, thresholds.recencyDays());
            query.setInt(++i, thresholds.frequency());
            query.setLong(++i, thresholds.monetary());
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(Segment.of(rows.getBoolean(1), rows.getBoolean(2), rows.getBoolean(3)), new long[] {rows.getLong(4), rows.getLong(5)});
                }
            }
        }
        List<SegmentRow> segments = new ArrayList<>();
        for (Segment segment : Segment.values()) {
            long[] counts = found.getOrDefault(segment, new long[2]);
            segments.add(new SegmentRow(segment, segment.recent, segment.frequent, segment.highValue, counts[0],
                    Share.of(counts[0], totals[0]), counts[1], Share.of(counts[1], totals[1])));
        }
        return segments;
    }

    private static List<TierRow> pyramid(Connection connection, Criteria criteria, long[] totals) throws SQLException {
        long core = ceilPercent(totals[0], criteria.corePercent());
        long coreAndActive = ceilPercent(totals[0], criteria.corePercent() + criteria.activePercent());
        Map<Tier, long[]> found = new EnumMap<>(Tier.class);
        try (PreparedStatement query = connection.prepareStatement(buyers(criteria) + "SELECT CASE WHEN rank <= ? THEN 0 WHEN rank <= ? THEN 1 ELSE 2 END, "
                + "COUNT(*), SUM(monetary), MIN(monetary) FROM (SELECT monetary, row_number() OVER "
                + "(ORDER BY monetary DESC, frequency DESC, recency, member_id) AS rank FROM buyers) GROUP BY 1")) {
            int i = bindBuyers(query, criteria);
            query.setLong(++i, core);
            query.setLong(++i, coreAndActive);
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    found.put(Tier.values()[rows.getInt(1)], new long[] {rows.getLong(2), rows.getLong(3), rows.getLong(4)});
                }
            }
        }
        List<TierRow> pyramid = new ArrayList<>();
        for (Tier tier : Tier.values()) {
            long[] counts = found.getOrDefault(tier, new long[3]);
            pyramid.add(new TierRow(tier, counts[0], Share.of(counts[0], totals[0]), counts[1], Share.of(counts[1], totals[1]), counts[2]));
        }
        return pyramid;
    }

    /** The buyers in {@code segment} by {@code criteria} (its money line the mean when not set): a segment's audience. */
    public List<Long> members(Criteria criteria, Segment segment) {
        long line = criteria.monetary() != null ? criteria.monetary() : store.read(connection -> totals(connection, criteria))[2];
        List<Object> parameters = buyersParameters(criteria);
        parameters.addAll(List.of(criteria.recencyDays(), segment.recent, criteria.frequency(), segment.frequent, line, segment.highValue));
        return store.longs(buyers(criteria) + "SELECT member_id FROM buyers WHERE (recency <= ?) = ? AND (frequency >= ?) = ? "
                + "AND (monetary >= ?) = ? ORDER BY member_id", parameters.toArray());
    }

    /** The first ⌈percent %⌉ of {@code whole}: a tier is never empty while there are buyers to put in it. */
    static long ceilPercent(long whole, int percent) {
        return (whole * percent + 99) / 100;
    }

    /** The values of {@link #buyers}' placeholders, in order. */
    private static List<Object> buyersParameters(Criteria criteria) {
        List<Object> parameters = new ArrayList<>();
        parameters.add(criteria.asOf());
        parameters.addAll(criteria.members().parameters());
        parameters.add(criteria.since());
        parameters.add(criteria.asOf());
        return parameters;
    }

    /** Binds {@link #buyers}' placeholders; returns the last index bound. */
    private static int bindBuyers(PreparedStatement query, Criteria criteria) throws SQLException {
        List<Object> parameters = buyersParameters(criteria);
        for (int i = 0; i < parameters.size(); i++) {
            query.setObject(i + 1, parameters.get(i));
        }
        return parameters.size();
    }
}
