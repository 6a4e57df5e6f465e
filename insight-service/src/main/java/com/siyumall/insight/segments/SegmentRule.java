package com.siyumall.insight.segments;

import com.siyumall.common.error.BusinessException;
import com.siyumall.insight.lifecycle.Lifecycle;
import com.siyumall.insight.rfm.Rfm;

/**
 * Who a segment holds, by kind: RFM — the buyers of {@code rfmSegment} (the RFM report's default thresholds: a year of
 * orders, recent within 30 days, frequent from 2 orders, high value from the mean); LIFECYCLE — the members in
 * {@code stage} today; VIEWED_NOT_BOUGHT — members who viewed product {@code spuId} in the last {@code withinDays} days
 * and have not paid for it since; GUIDE_CUSTOMERS — the customers of guide {@code guideId} now.
 */
public record SegmentRule(Kind kind, Rfm.Segment rfmSegment, Lifecycle.Stage stage, Long spuId, Integer withinDays, Long guideId) {
    public enum Kind { RFM, LIFECYCLE, VIEWED_NOT_BOUGHT, GUIDE_CUSTOMERS }

    static final int MAX_WITHIN_DAYS = 90;

    /** Checks that the kind has what it needs; a field another kind uses is dropped. */
    SegmentRule normalized() {
        return switch (kind) {
            case RFM -> new SegmentRule(kind, required(rfmSegment, "rfmSegment"), null, null, null, null);
            case LIFECYCLE -> new SegmentRule(kind, null, required(stage, "stage"), null, null, null);
            case VIEWED_NOT_BOUGHT -> {
                int days = withinDays == null ? 7 : withinDays;
                if (days < 1 || days > MAX_WITHIN_DAYS) {
                    throw new BusinessException(SegmentError.SEGMENT_RULE_INVALID, "withinDays");
                }
                yield new SegmentRule(kind, null, null, required(spuId, "spuId"), days, null);
            }
            case GUIDE_CUSTOMERS -> new SegmentRule(kind, null, null, null, null, required(guideId, "guideId"));
        };
    }

    private static <T> T required(T value, String field) {
        if (value == null) {
            throw new BusinessException(SegmentError.SEGMENT_RULE_INVALID, field);
        }
        return value;
    }
}
