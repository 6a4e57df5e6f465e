package com.siyumall.member.store;

import com.siyumall.common.persistence.AfterCommit;
import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.LikeText;
import com.siyumall.common.web.PageQuery;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.LocalTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Stores: kept in MySQL, mirrored into the GEO index after each committed change. */
@Service
public class StoreService {
    private final StoreMapper stores;
    private final StoreGeoIndex geo;
    private final Clock clock;

    StoreService(StoreMapper stores, StoreGeoIndex geo, Clock clock) {
        this.stores = stores;
        this.geo = geo;
        this.clock = clock;
    }

    public record StoreDetails(String name, String address, double latitude, double longitude,
                               LocalTime opensAt, LocalTime closesAt, String phone) {}

    public record NearbyStore(Store store, double distanceKm, boolean openNow) {}

    @Transactional
    public Store create(StoreDetails details) {
        Store store = Store.open(details.name(), details.address(), details.latitude(), details.longitude(),
                details.opensAt(), details.closesAt(), details.phone());
        stores.insert(store);
        indexAfterCommit(store);
        return store;
    }

    @Transactional
    public Store update(long storeId, StoreDetails details) {
        Store store = get(storeId);
        store.describe(details.name(), details.address(), details.latitude(), details.longitude(),
                details.opensAt(), details.closesAt(), details.phone());
        stores.updateById(store);
        indexAfterCommit(store);
        return store;
    }

    @Transactional
    public Store changeStatus(long storeId, Store.Status status) {
        Store store = get(storeId);
        store.setStatus(status);
        stores.updateById(store);
        indexAfterCommit(store);
        return store;
    }

    public Store get(long storeId) {
        return find(storeId).orElseThrow(() -> new BusinessException(StoreError.STORE_NOT_FOUND, storeId));
    }

    public Optional<Store> find(long storeId) {
        return Optional.ofNullable(stores.selectById(storeId));
    }

    /** A store guides can be assigned to: it exists and is operating. */
    public Store operating(long storeId) {
        Store store = get(storeId);
        if (!store.isOperating()) {
            throw new BusinessException(StoreError.STORE_CLOSED, storeId);
        }
        return store;
    }

    /** Stores newest first, so one just opened is on the first page; keyword matches a part of the name or address. */
    public IPage<Store> page(PageQuery page, Store.Status status, String keyword) {
        LambdaQueryWrapper<Store> query = new LambdaQueryWrapper<Store>().eq(status != null, Store::getStatus, status);
        if (keyword != null && !keyword.isBlank()) {
            String literal = LikeText.literal(keyword.strip());
            query.and(w -> w.like(Store::getName, literal).or().like(Store::getAddress, literal));
        }
        return stores.selectPage(page.toPage(), query.orderByDesc(Store::getId));
    }

    /** Operating stores within the radius, nearest first. Rebuilds the index from MySQL if Redis lost it. */
    public List<NearbyStore> nearby(double latitude, double longitude, double radiusKm, int limit) {
        if (geo.isMissing()) {
            geo.rebuild(stores.selectList(new LambdaQueryWrapper<Store>().eq(Store::getStatus, Store.Status.OPEN)));
        }
        Map<Long, Double> near = geo.near(latitude, longitude, radiusKm, limit);
        if (near.isEmpty()) {
            return List.of();
        }
        var now = clock.instant();
        return stores.selectBatchIds(near.keySet()).stream()
                .filter(Store::isOperating)
                .map(store -> new NearbyStore(store, near.get(store.getId()), store.isOpenAt(now)))
                .sorted(Comparator.comparingDouble(NearbyStore::distanceKm))
                .toList();
    }

    private void indexAfterCommit(Store store) {
        AfterCommit.run(() -> geo.put(store));
    }
}
