package com.siyumall.gateway.edge;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

class LocalAllowanceTest {

    @Test
    void redisIsOwedNothingWithinTheAllowanceThenEverythingOnceThenOneARequest() {
        int allowance = 5;
        List<Integer> owed = new ArrayList<>();
        for (int count = 1; count <= 8; count++) {
            owed.add(LocalAllowance.owedToRedis(count, allowance));
        }
        assertThat(owed).containsExactly(0, 0, 0, 0, 0, 6, 1, 1);
        assertThat(owed.stream().mapToInt(Integer::intValue).sum()).as("Redis ends up with every request counted").isEqualTo(8);
        assertThat(LocalAllowance.owedToRedis(1, 0)).as("no allowance: every request asks Redis").isEqualTo(1);
        assertThat(LocalAllowance.owedToRedis(2, 0)).isEqualTo(1);
    }

    @Test
    void countsPerKeyStartOverEachSecond() {
        LocalAllowance local = new LocalAllowance();
        assertThat(local.count("a", 100)).isEqualTo(1);
        assertThat(local.count("a", 100)).isEqualTo(2);
        assertThat(local.count("b", 100)).isEqualTo(1);
        assertThat(local.count("a", 101)).isEqualTo(1);
    }

    @Test
    void concurrentRequestsOweRedisEveryRequestPastTheAllowanceExactlyOnce() throws Exception {
        LocalAllowance local = new LocalAllowance();
        int allowance = 50;
        ExecutorService pool = Executors.newFixedThreadPool(8);
        List<Future<Integer>> owed = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            owed.add(pool.submit(() -> LocalAllowance.owedToRedis(local.count("rl:sub:7:42", 42), allowance)));
        }
        int total = 0;
        for (Future<Integer> f : owed) {
            total += f.get();
        }
        pool.shutdown();
        assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();
        assertThat(total).isEqualTo(2_000);
    }
}
