package com.siyumall.bench.ledger;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A closed-loop load: {@code users} threads each repeat an operation until the time is up, recording how long each took
 * and how it was answered. An operation may be several requests (an order cycle); its outcome is the last answer's.
 */
final class Load {
    /** One operation of one user; returns the outcome to count (an HTTP status, or a name). */
    interface Operation {
        String run(int user, int iteration) throws Exception;
    }

    record Result(int operations, double seconds, Map<String, Integer> outcomes, long p50Micros, long p95Micros, long p99Micros,
                  long maxMicros) {
        double perSecond() {
            return operations / seconds;
        }
    }

    private Load() {}

    /** Runs {@code users} loops for {@code seconds}. */
    static Result closed(int users, int seconds, Operation operation) throws InterruptedException {
        long deadline = System.nanoTime() + seconds * 1_000_000_000L;
        return run(users, operation, user -> System.nanoTime() < deadline, Integer.MAX_VALUE);
    }

    /** Every user runs the operation once, all released at the same instant. */
    static Result burst(int users, Operation operation) throws InterruptedException {
        return run(users, operation, user -> true, 1);
    }

    private interface Condition {
        boolean holds(int user);
    }

    private static Result run(int users, Operation operation, Condition going, int iterations) throws InterruptedException {
        Map<String, AtomicInteger> outcomes = new ConcurrentHashMap<>();
        List<long[]> latencies = Collections.synchronizedList(new ArrayList<>());
        CountDownLatch start = new CountDownLatch(1);
        List<Thread> threads = new ArrayList<>();
        for (int u = 0; u < users; u++) {
            int user = u;
            Thread thread = new Thread(() -> {
                long[] mine = new long[1 << 16];
                int count = 0;
                try {
                    start.await();
                } catch (InterruptedException e) {
                    return;
                }
                for (int i = 0; i < iterations && going.holds(user); i++) {
                    long began = System.nanoTime();
                    String outcome;
                    try {
                        outcome = operation.run(user, i);
                    } catch (Exception e) {
                        outcome = e.getClass().getSimpleName();
                    }
                    if (count == mine.length) {
                        mine = java.util.Arrays.copyOf(mine, mine.length * 2);
                    }
                    mine[count++] = (System.nanoTime() - began) / 1000;
                    outcomes.computeIfAbsent(outcome, o -> new AtomicInteger()).incrementAndGet();
                }
                latencies.add(java.util.Arrays.copyOf(mine, count));
            }, "load-" + user);
            threads.add(thread);
            thread.start();
        }
        long began = System.nanoTime();
        start.countDown();
        for (Thread thread : threads) {
            thread.join();
        }
        double seconds = (System.nanoTime() - began) / 1e9;
        long[] all = latencies.stream().flatMapToLong(java.util.Arrays::stream).sorted().toArray();
        Map<String, Integer> counted = new TreeMap<>();
        outcomes.forEach((k, v) -> counted.put(k, v.get()));
        return new Result(all.length, seconds, counted, percentile(all, 50), percentile(all, 95), percentile(all, 99),
                all.length == 0 ? 0 : all[all.length - 1]);
    }

    private static long percentile(long[] sorted, int p) {
        if (sorted.length == 0) {
            return 0;
        }
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
    }
}
