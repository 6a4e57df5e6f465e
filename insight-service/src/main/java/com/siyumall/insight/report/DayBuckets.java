package com.siyumall.insight.report;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Day counts grouped as the reports show distributions: given the largest count of each bucket (0, 1, 2, 7, 30) the
 * buckets are "0", "1", "2", "3-7", "8-30" and ">30".
 */
public final class DayBuckets {
    private final long[] upperBounds;
    private final List<String> labels = new ArrayList<>();

    public DayBuckets(long... upperBounds) {
        this.upperBounds = upperBounds.clone();
        long low = 0;
        for (long high : upperBounds) {
            labels.add(low == high ? Long.toString(low) : low + "-" + high);
            low = high + 1;
        }
        labels.add(">" + upperBounds[upperBounds.length - 1]);
    }

    /** One bucket of a distribution: how many members, and their share of all. */
    public record Bucket(String days, long members, double share) {}

    /** Every bucket, in order, with nothing in it yet. */
    public Map<String, Long> empty() {
        Map<String, Long> counts = new LinkedHashMap<>();
        labels.forEach(label -> counts.put(label, 0L));
        return counts;
    }

    public String labelOf(long days) {
        for (int i = 0; i < upperBounds.length; i++) {
            if (days <= upperBounds[i]) {
                return labels.get(i);
            }
        }
        return labels.get(labels.size() - 1);
    }

    public static List<Bucket> withShares(Map<String, Long> counts, long whole) {
        List<Bucket> buckets = new ArrayList<>();
        counts.forEach((label, members) -> buckets.add(new Bucket(label, members, Share.of(members, whole))));
        return buckets;
    }
}
