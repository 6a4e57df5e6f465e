package com.siyumall.promotion.coupon;

import com.siyumall.common.persistence.RedisKeys;
import org.redisson.api.RScript;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Claims counted in Redis by one script: the template's remaining quantity and each member's claims, checked and taken at once. */
@Component
class ClaimCounter {
    static final long SOLD_OUT = -1;
    static final long NOT_LOADED = -2;
    static final long LIMIT_REACHED = -3;

    private final RedissonClient redis;
    private final RedisKeys keys;
    private final String claimScript;
    private final String unclaimScript;

    ClaimCounter(RedissonClient redis, RedisKeys keys) {
        this.redis = redis;
        this.keys = keys;
        this.claimScript = script("scripts/coupon-claim.lua");
        this.unclaimScript = script("scripts/coupon-unclaim.lua");
    }

    private static String script(String path) {
        try {
            return new ClassPathResource(path).getContentAsString(StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Object> keysOf(long templateId) {
        return List.of(keys.key("promotion:{coupon:" + templateId + "}:remaining"), keys.key("promotion:{coupon:" + templateId + "}:claims"));
    }

    /**
     * Serialises the issues of one template to one member for a cause, so a repeated cause finds the coupon the first
     * one gave instead of racing it for the member's allowance.
     */
    org.redisson.api.RLock causeLock(long templateId, long memberId) {
        return redis.getLock(keys.key("promotion:{coupon:" + templateId + "}:cause:" + memberId));
    }

    /** The member's claim number, or SOLD_OUT, NOT_LOADED, LIMIT_REACHED. */
    long claim(long templateId, long memberId, int perMemberLimit) {
        Long result = redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, claimScript, RScript.ReturnType.INTEGER,
                keysOf(templateId), Long.toString(memberId), Integer.toString(perMemberLimit));
        return result;
    }

    void unclaim(long templateId, long memberId) {
        redis.getScript(StringCodec.INSTANCE).eval(RScript.Mode.READ_WRITE, unclaimScript, RScript.ReturnType.INTEGER,
                keysOf(templateId), Long.toString(memberId));
    }

    /** Loads the counters from MySQL unless another request already did. */
    void load(long templateId, int remaining, Map<Long, Integer> claims) {
        List<Object> k = keysOf(templateId);
        var hash = redis.<String, String>getMap((String) k.get(1), StringCodec.INSTANCE);
        claims.forEach((member, n) -> hash.putIfAbsent(member.toString(), n.toString()));
        redis.getBucket((String) k.get(0), StringCodec.INSTANCE).setIfAbsent(Integer.toString(remaining));
    }
}
