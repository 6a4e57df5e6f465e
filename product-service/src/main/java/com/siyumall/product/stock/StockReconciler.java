package com.siyumall.product.stock;

import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/**
 * Compares Redis with MySQL and makes Redis say what MySQL says. Drift comes from crashes between the two writes, or from
 * a Redis that lost data; either way MySQL's guard kept sales correct, and this brings the hot path back in line.
 */
@Component
public class StockReconciler {
    private static final Logger log = LoggerFactory.getLogger(StockReconciler.class);
    private static final int PAGE = 500;

    private final StockMapper stock;
    private final RedisStock redis;
    private final MeterRegistry meters;

    StockReconciler(StockMapper stock, RedisStock redis, MeterRegistry meters) {
        this.stock = stock;
        this.redis = redis;
        this.meters = meters;
    }

    public record Report(int checked, int drifted, int notLoaded) {}

    @Scheduled(fixedDelayString = "${siyumall.stock.reconcile-every:5m}", initialDelayString = "${siyumall.stock.reconcile-every:5m}")
    void scheduled() {
        reconcile();
    }

    public Report reconcile() {
        int checked = 0;
        int drifted = 0;
        int notLoaded = 0;
        long after = 0;
        while (true) {
            List<SkuStock> page = stock.page(after, PAGE);
            if (page.isEmpty()) {
                break;
            }
            Map<Long, Integer> cached = redis.read(page.stream().map(SkuStock::skuId).toList());
            for (SkuStock row : page) {
                checked++;
                Integer inRedis = cached.get(row.skuId());
                if (inRedis == null) {
                    notLoaded++;
                } else if (!inRedis.equals(row.available())) {
                    drifted++;
                    log.warn("Stock drift on SKU {}: Redis {} vs MySQL {}; Redis repaired", row.skuId(), inRedis, row.available());
                    redis.overwrite(row.skuId(), row.available());
                }
            }
            after = page.get(page.size() - 1).skuId();
        }
        meters.counter("mall.stock.drift.repaired").increment(drifted);
        return new Report(checked, drifted, notLoaded);
    }
}
