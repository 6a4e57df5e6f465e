package com.siyumall.insight.segments;

import com.siyumall.insight.lifecycle.Lifecycle;
import com.siyumall.insight.report.MemberFilter;
import com.siyumall.insight.rfm.Rfm;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Component;

import java.time.LocalDate;
import java.util.List;

/** Who a {@link SegmentRule} holds today, read from the analytical store; ascending member ids. */
@Component
class SegmentMembers {
    /** The RFM report's defaults: a year of orders, recent within 30 days, frequent from 2, high value from the mean. */
    private static final int LOOKBACK_DAYS = 365;
    private static final int RECENCY_DAYS = 30;
    private static final int FREQUENCY = 2;

    private final AnalyticsStore store;
    private final Rfm rfm;
    private final Lifecycle lifecycle;

    SegmentMembers(AnalyticsStore store, Rfm rfm, Lifecycle lifecycle) {
        this.store = store;
        this.rfm = rfm;
        this.lifecycle = lifecycle;
    }

    List<Long> of(SegmentRule rule, LocalDate today) {
        return switch (rule.kind()) {
            case RFM -> rfm.members(new Rfm.Criteria(today, LOOKBACK_DAYS, RECENCY_DAYS, FREQUENCY, null, 10, 20, MemberFilter.NONE), rule.rfmSegment());
            case LIFECYCLE -> lifecycle.members(today, rule.stage());
            case VIEWED_NOT_BOUGHT -> store.longs("WITH viewed AS (SELECT visitor_member_id AS member_id, MIN(occurred_at) AS first_view "
                    + "FROM stitched_event WHERE type = 'product_view' AND spu_id = ? AND visitor_member_id IS NOT NULL AND day >= ? "
                    + "GROUP BY 1) SELECT member_id FROM viewed v WHERE NOT EXISTS (SELECT 1 FROM order_line_fact l "
                    + "WHERE l.member_id = v.member_id AND l.spu_id = ? AND l.paid_at >= v.first_view) ORDER BY 1",
                    rule.spuId(), today.minusDays(rule.withinDays() - 1L), rule.spuId());
            case GUIDE_CUSTOMERS -> store.longs("SELECT member_id FROM (SELECT member_id, arg_max(guide_id, bound_at) AS guide_id "
                    + "FROM binding_fact GROUP BY member_id) WHERE guide_id = ? ORDER BY 1", rule.guideId());
        };
    }
}
