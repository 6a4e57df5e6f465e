package com.siyumall.member.store;

import com.siyumall.common.persistence.RedisKeys;
import org.redisson.api.GeoOrder;
import org.redisson.api.GeoUnit;
import org.redisson.api.RGeo;
import org.redisson.api.RedissonClient;
import org.redisson.api.geo.GeoSearchArgs;
import org.redisson.client.codec.StringCodec;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Operating stores by position in a Redis GEO set, so "nearest stores" is one GEOSEARCH. MySQL stays the source of truth. */
@Component
class StoreGeoIndex {
    static final String KEY_NAME = "member:stores:geo";

    private final RedissonClient redis;
    private final String key;

    StoreGeoIndex(RedissonClient redis, RedisKeys keys) {
        this.redis = redis;
        this.key = keys.key(KEY_NAME);
    }

    private RGeo<String> geo() {
        return redis.getGeo(key, StringCodec.INSTANCE);
    }

    void put(Store store) {
        if (store.isOperating()) {
            geo().add(store.getLongitude(), store.getLatitude(), store.getId().toString());
        } else {
            geo().remove(store.getId().toString());
        }
    }

    boolean isMissing() {
        return !geo().isExists();
    }

    void rebuild(List<Store> operating) {
        RGeo<String> geo = geo();
        geo.delete();
        operating.forEach(this::put);
    }

    /** Store ids within {@code radiusKm}, nearest first, with their distance in km. */
    Map<Long, Double> near(double latitude, double longitude, double radiusKm, int limit) {
        Map<String, Double> found = geo().searchWithDistance(GeoSearchArgs.from(longitude, latitude)
                .radius(radiusKm, GeoUnit.KILOMETERS).order(GeoOrder.ASC).count(limit));
        Map<Long, Double> result = new LinkedHashMap<>();
        found.forEach((id, distance) -> result.put(Long.valueOf(id), distance));
        return result;
    }
}
