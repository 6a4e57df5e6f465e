package com.siyumall.insight.report;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DayBucketsTest {
    @Test
    void bucketsAreNamedByTheirRangeAndTheLastHoldsTheRest() {
        DayBuckets buckets = new DayBuckets(0, 1, 2, 7, 30);
        assertThat(buckets.empty()).containsOnlyKeys("0", "1", "2", "3-7", "8-30", ">30").allSatisfy((label, count) -> assertThat(count).isZero());
        assertThat(buckets.labelOf(0)).isEqualTo("0");
        assertThat(buckets.labelOf(3)).isEqualTo("3-7");
        assertThat(buckets.labelOf(7)).isEqualTo("3-7");
        assertThat(buckets.labelOf(8)).isEqualTo("8-30");
        assertThat(buckets.labelOf(31)).isEqualTo(">30");
        assertThat(new DayBuckets(7, 14).empty()).containsOnlyKeys("0-7", "8-14", ">14");
    }

    @Test
    void sharesAreOfTheWholeGiven() {
        DayBuckets buckets = new DayBuckets(1);
        java.util.Map<String, Long> counts = buckets.empty();
        counts.put("0-1", 1L);
        counts.put(">1", 2L);
        assertThat(DayBuckets.withShares(counts, 3)).containsExactly(new DayBuckets.Bucket("0-1", 1, 0.3333), new DayBuckets.Bucket(">1", 2, 0.6667));
    }
}
