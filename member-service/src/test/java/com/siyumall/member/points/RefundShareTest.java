package com.siyumall.member.points;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RefundShareTest {
    @Test
    void partialRefundsTakeTheirFractionAndTheLastOneTheRest() {
        long first = RefundShare.of(123, 0, 5_000, 12_345, false);
        assertThat(first).as("123 × 5000 / 12345, rounded down").isEqualTo(49);
        assertThat(RefundShare.of(123, first, 7_345, 12_345, true)).as("the whole order: what is left").isEqualTo(74);
        assertThat(RefundShare.of(100, 90, 10_000, 10_000, false)).as("never more than is left").isEqualTo(10);
        assertThat(RefundShare.of(100, 0, 20_000, 10_000, false)).as("never more than was paid").isEqualTo(100);
        assertThat(RefundShare.of(100, 0, 0, 0, false)).as("nothing paid: all of it goes").isEqualTo(100);
    }
}
