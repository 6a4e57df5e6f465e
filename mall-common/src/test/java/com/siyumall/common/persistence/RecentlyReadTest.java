package com.siyumall.common.persistence;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

class RecentlyReadTest {

    @Test
    void aFreshValueIsReadOnceUntilItIsForgotten() {
        AtomicInteger reads = new AtomicInteger();
        RecentlyRead<Long, String> rules = new RecentlyRead<>(Duration.ofHours(1), 10, id -> "rules of " + id + " #" + reads.incrementAndGet());

        assertThat(rules.get(1L)).isEqualTo("rules of 1 #1");
        assertThat(rules.get(1L)).isEqualTo("rules of 1 #1");
        assertThat(rules.get(2L)).isEqualTo("rules of 2 #2");
        rules.forget(1L);
        assertThat(rules.get(1L)).as("read again after forget").isEqualTo("rules of 1 #3");
        assertThat(rules.get(2L)).isEqualTo("rules of 2 #2");
    }

    @Test
    void aStaleValueIsReadAgainAndNothingMissingIsKept() {
        AtomicInteger reads = new AtomicInteger();
        RecentlyRead<Boolean, Integer> always = RecentlyRead.single(Duration.ZERO, reads::incrementAndGet);
        assertThat(always.get()).isEqualTo(1);
        assertThat(always.get()).as("fresh for no time at all").isEqualTo(2);

        AtomicInteger lookups = new AtomicInteger();
        RecentlyRead<Long, String> missing = new RecentlyRead<>(Duration.ofHours(1), 10, id -> {
            lookups.incrementAndGet();
            return null;
        });
        assertThat(missing.get(7L)).isNull();
        assertThat(missing.get(7L)).isNull();
        assertThat(lookups).as("an absent row is looked up again, so its creation is seen at once").hasValue(2);
    }

    @Test
    void itNeverHoldsMoreThanItsLimit() {
        AtomicInteger reads = new AtomicInteger();
        RecentlyRead<Integer, Integer> bounded = new RecentlyRead<>(Duration.ofHours(1), 3, key -> reads.incrementAndGet());
        for (int key = 0; key < 3; key++) {
            bounded.get(key);
        }
        bounded.get(3);
        assertThat(reads).hasValue(4);
        bounded.get(0);
        assertThat(reads).as("reaching the limit started over, so key 0 was read again").hasValue(5);
    }
}
