package com.siyumall.insight.coupons;

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
 * What coupons did: the coupons issued in the period, by template (or by channel), followed to the paid orders that used
 * them — whenever those were paid — and the money of those orders.
 */
@Service
class CouponEffect {
    private final AnalyticsStore store;

    CouponEffect(AnalyticsStore store) {
        this.store = store;
    }

    enum Level { TEMPLATE, CHANNEL }

    /** {@code gmvPerCoupon}: the used coupons' orders' money over every coupon issued, in fen, rounded down. */
    @Schema(name = "CouponEffectRow")
    record Row(String id, String name, long issued, long members, long used, double useRate, long gmv, long gmvPerCoupon) {}

    @Schema(name = "CouponEffectView")
    record View(LocalDate from, LocalDate to, Level by, List<Row> rows) {}

    View of(ReportPeriod period, Level by, int limit) {
        // the grouping comes from the enum, the limit is a validated int
        String key = by == Level.TEMPLATE ? "CAST(c.template_id AS VARCHAR)" : "c.channel";
        String name = by == Level.TEMPLATE ? "any_value(c.template_name)" : "c.channel";
        String sql = "SELECT " + key + " AS k, " + name + ", COUNT(*), COUNT(DISTINCT c.member_id), COUNT(o.order_no), "
                + "COALESCE(SUM(o.pay_amount), 0) FROM coupon_fact c LEFT JOIN order_fact o ON o.coupon_id = c.coupon_id "
                + "WHERE c.day BETWEEN ? AND ? GROUP BY k ORDER BY 3 DESC, k LIMIT " + limit;
        List<Row> rows = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                query.setObject(1, period.from());
                query.setObject(2, period.to());
                List<Row> found = new ArrayList<>();
                try (ResultSet result = query.executeQuery()) {
                    while (result.next()) {
                        long issued = result.getLong(3);
                        long used = result.getLong(5);
                        long gmv = result.getLong(6);
                        found.add(new Row(result.getString(1), result.getString(2), issued, result.getLong(4), used,
                                Share.of(used, issued), gmv, issued == 0 ? 0 : gmv / issued));
                    }
                }
                return found;
            }
        });
        return new View(period.from(), period.to(), by, rows);
    }
}
