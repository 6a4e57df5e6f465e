package com.siyumall.product.catalog;

import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RedisKeys;
import org.redisson.api.RLocalCachedMap;
import org.redisson.api.RedissonClient;
import org.redisson.api.options.LocalCachedMapOptions;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The read side's caches. Product details live in a two-level cache (this JVM's near copy in front of a Redis hash;
 * Redisson tells every instance to drop its near copy when one instance changes an entry). Lists are cached in Redis for
 * a few seconds under a generation number that any catalog change bumps, so a change shows at once.
 */
@Component
class ProductCache {
    private static final Duration LIST_TTL = Duration.ofSeconds(30);

    private final RLocalCachedMap<String, String> details;
    private final RLocalCachedMap<String, String> facts;
    private final RedissonClient redis;
    private final RedisKeys keys;
    private final Parsed parsedDetails = new Parsed();
    private final Parsed parsedFacts = new Parsed();

    ProductCache(RedissonClient redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.details = nearCached(redis, keys.key("product:detail:v1"));
        this.facts = nearCached(redis, keys.key("product:facts:v1"));
    }

    private static RLocalCachedMap<String, String> nearCached(RedissonClient redis, String name) {
        return redis.getLocalCachedMap(LocalCachedMapOptions.<String, String>name(name)
                .codec(StringCodec.INSTANCE)
                .cacheSize(10_000)
                .timeToLive(Duration.ofMinutes(30))
                .syncStrategy(LocalCachedMapOptions.SyncStrategy.INVALIDATE)
                .reconnectionStrategy(LocalCachedMapOptions.ReconnectionStrategy.CLEAR));
    }

    /**
     * What checkout and stock ask of a product and its SKUs (any status), from the same two-level cache as details;
     * null when there is no such product.
     */
    <T> T facts(long spuId, Supplier<String> loader, Function<String, T> parse) {
        return parsedFacts.of(spuId, cached(facts, spuId, loader), parse);
    }

    /** A product as shoppers see it; null when it does not exist or is off the shelf. */
    <T> T detail(long spuId, Supplier<String> loader, Function<String, T> parse) {
        return parsedDetails.of(spuId, cached(details, spuId, loader), parse);
    }

    /**
     * The near cache hands out the same String for as long as an entry is unchanged, so each such String is parsed once
     * (parsing the JSON again on every hit was a tenth of a product page's cost). The parsed values are read-only records.
     */
    private static final class Parsed {
        private record Entry(String source, Object value) {}

        private final Map<Long, Entry> bySpu = new ConcurrentHashMap<>();

        @SuppressWarnings("unchecked")
        <T> T of(long spuId, String source, Function<String, T> parse) {
            if (source == null) {
                return null;
            }
            Entry entry = bySpu.get(spuId);
            if (entry != null && entry.source() == source) {
                return (T) entry.value();
            }
            T value = parse.apply(source);
            if (bySpu.size() >= 10_000) {
                bySpu.clear();
            }
            bySpu.put(spuId, new Entry(source, value));
            return value;
        }
    }

    private static String cached(RLocalCachedMap<String, String> map, long spuId, Supplier<String> loader) {
        String key = Long.toString(spuId);
        String cached = map.get(key);
        if (cached != null) {
            return cached;
        }
        String loaded = loader.get();
        if (loaded != null) {
            map.fastPut(key, loaded);
        }
        return loaded;
    }

    String list(String query, Supplier<String> loader) {
        String key = keys.key("product:list:" + generation() + ":" + query);
        var bucket = redis.<String>getBucket(key, StringCodec.INSTANCE);
        String cached = bucket.get();
        if (cached != null) {
            return cached;
        }
        String loaded = loader.get();
        bucket.set(loaded, LIST_TTL);
        return loaded;
    }

    private long generation() {
        return redis.getAtomicLong(keys.key("product:list:generation")).get();
    }

    /** Drops the product's cached detail and every cached list, once the change is committed. */
    void evictAfterCommit(long spuId) {
        Runnable evict = () -> {
            details.fastRemove(Long.toString(spuId));
            facts.fastRemove(Long.toString(spuId));
            redis.getAtomicLong(keys.key("product:list:generation")).incrementAndGet();
        };
        AfterCommit.run(evict);
    }

    /** For tests and operators: is this product's detail in the near cache of this instance? */
    boolean hasNearCopy(long spuId) {
        return details.getCachedMap().containsKey(Long.toString(spuId));
    }
}
