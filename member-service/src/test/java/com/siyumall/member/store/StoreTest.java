package com.siyumall.member.store;

import org.junit.jupiter.api.Test;

import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.ZoneId;

import static org.assertj.core.api.Assertions.assertThat;

class StoreTest {
    private static java.time.Instant shanghai(int hour, int minute) {
        return ZonedDateTime.of(2026, 11, 22, hour, minute, 0, 0, ZoneId.of("Asia/Shanghai")).toInstant();
    }

    @Test
    void aDaytimeStoreIsOpenBetweenItsHoursOnly() {
        Store store = Store.open("A", "addr", 31.2, 121.4, LocalTime.of(10, 0), LocalTime.of(22, 0), null);
        assertThat(store.isOpenAt(shanghai(9, 59))).isFalse();
        assertThat(store.isOpenAt(shanghai(10, 0))).isTrue();
        assertThat(store.isOpenAt(shanghai(21, 59))).isTrue();
        assertThat(store.isOpenAt(shanghai(22, 0))).isFalse();
    }

    @Test
    void hoursThatRunPastMidnightWrapAround() {
        Store store = Store.open("Night", "addr", 31.2, 121.4, LocalTime.of(18, 0), LocalTime.of(2, 0), null);
        assertThat(store.isOpenAt(shanghai(23, 30))).isTrue();
        assertThat(store.isOpenAt(shanghai(1, 59))).isTrue();
        assertThat(store.isOpenAt(shanghai(2, 0))).isFalse();
        assertThat(store.isOpenAt(shanghai(12, 0))).isFalse();
    }

    @Test
    void aClosedStoreIsNeverOpen() {
        Store store = Store.open("A", "addr", 31.2, 121.4, LocalTime.of(0, 0), LocalTime.of(0, 0), null);
        assertThat(store.isOpenAt(shanghai(3, 0))).isTrue();
        store.setStatus(Store.Status.CLOSED);
        assertThat(store.isOpenAt(shanghai(3, 0))).isFalse();
    }
}
