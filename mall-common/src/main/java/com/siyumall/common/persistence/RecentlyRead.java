package com.siyumall.common.persistence;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Rules and settings that every checkout or claim reads but a merchant changes rarely (points rules, the level ladder,
 * the freight rule, running activities, a coupon template's rules), read from the database at most once per
 * {@code freshFor} per key in this process. The writer in this process calls {@link #forget} after its write commits;
 * another instance sees a change within {@code freshFor}. Never for quantities, balances or anything a guard decides.
 */
public final class RecentlyRead<K, V> {
    private final long freshForNanos;
    private final int maxEntries;
    private final Function<K, V> loader;
    private final Map<K, Read<V>> reads = new ConcurrentHashMap<>();

    public RecentlyRead(Duration freshFor, int maxEntries, Function<K, V> loader) {
        this.freshForNanos = freshFor.toNanos();
        this.maxEntries = maxEntries;
        this.loader = loader;
    }

    /** For one value (a settings row): read with {@link #get()}. */
    public static <V> RecentlyRead<Boolean, V> single(Duration freshFor, java.util.function.Supplier<V> loader) {
        return new RecentlyRead<>(freshFor, 1, ignored -> loader.get());
    }

    private record Read<V>(V value, long atNanos) {}

    public V get(K key) {
        long now = System.nanoTime();
        Read<V> read = reads.get(key);
        if (read != null && now - read.atNanos() < freshForNanos) {
            return read.value();
        }
        V value = loader.apply(key);
        if (value == null) {
            reads.remove(key);
            return null;
        }
        if (reads.size() >= maxEntries && !reads.containsKey(key)) {
            reads.clear();
        }
        reads.put(key, new Read<>(value, now));
        return value;
    }

    /** The single value of a {@link #single} read. */
    @SuppressWarnings("unchecked")
    public V get() {
        return get((K) Boolean.TRUE);
    }

    /** Forgets one key: its next read goes to the database. Call it after a write commits (see {@link AfterCommit}). */
    public void forget(K key) {
        reads.remove(key);
    }

    public void forgetAll() {
        reads.clear();
    }
}
