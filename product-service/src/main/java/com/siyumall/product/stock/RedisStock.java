package com.siyumall.product.stock;

import com.siyumall.common.persistence.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The hot-path copy of available stock in Redis. Every key carries the hash tag {stock} so a multi-SKU basket is one
 * atomic script even on a Redis cluster (at the price of one hot slot).
 */
@Component
class RedisStock {
    static final long ORDER_MARKER_SECONDS = 86_400;

    /** What the reserve script answered. */
    record Outcome(int code, int line) {
        static final int RESERVED = 0;
        static final int ALREADY_RESERVED = -1;
        static final int NOT_LOADED = -2;
        static final int SHORT = -3;
    }

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final String reserveScript;
    private final String restoreScript;

    RedisStock(RedissonClient redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.reserveScript = script("scripts/stock-reserve.lua");
        this.restoreScript = script("scripts/stock-restore.lua");
    }

    private static String script(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("Missing " + path, e);
        }
    }

    String skuKey(long skuId) {
        return keys.key("product:{stock}:sku:" + skuId);
    }

    private String orderKey(String orderNo) {
        return keys.key("product:{stock}:order:" + orderNo);
    }

    Outcome reserve(String orderNo, List<StockLine> lines) {
        List<Object> keyList = new ArrayList<>();
        keyList.add(orderKey(orderNo));
        List<Object> args = new ArrayList<>();
        for (StockLine line : lines) {
            keyList.add(skuKey(line.skuId()));
            args.add(Integer.toString(line.quantity()));
        }
        args.add(Long.toString(ORDER_MARKER_SECONDS));
        List<Long> result = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, reserveScript,
                RScript.ReturnType.MULTI, keyList, args.toArray());
        return new Outcome(result.get(0).intValue(), result.size() > 1 ? result.get(1).intValue() - 1 : -1);
    }

    /** Adds {@code quantity} back to each loaded SKU (negative takes away). */
    void restore(List<StockLine> lines) {
        if (lines.isEmpty()) {
            return;
        }
        List<Object> keyList = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        for (StockLine line : lines) {
            keyList.add(skuKey(line.skuId()));
            args.add(Integer.toString(line.quantity()));
        }
        redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, restoreScript, RScript.ReturnType.INTEGER,
                keyList, args.toArray());
    }

    void forgetOrder(String orderNo) {
        redis.getBucket(orderKey(orderNo), StringCodec.INSTANCE).delete();
    }

    /** Loads a SKU's available stock from MySQL unless another request already did. */
    void load(long skuId, int available) {
        redis.getBucket(skuKey(skuId), StringCodec.INSTANCE).setIfAbsent(Integer.toString(available));
    }

    void overwrite(long skuId, int available) {
        redis.getBucket(skuKey(skuId), StringCodec.INSTANCE).set(Integer.toString(available));
    }

    /** What Redis holds for these SKUs; absent when not loaded. */
    Map<Long, Integer> read(Collection<Long> skuIds) {
        Map<Long, Integer> result = new HashMap<>();
        if (skuIds.isEmpty()) {
            return result;
        }
        String[] names = skuIds.stream().map(this::skuKey).toArray(String[]::new);
        Map<String, Object> found = redis.getBuckets(StringCodec.INSTANCE).get(names);
        for (Long skuId : skuIds) {
            Object value = found.get(skuKey(skuId));
            if (value != null) {
                result.put(skuId, Integer.valueOf(value.toString()));
            }
        }
        return result;
    }
}
