package com.siyumall.product.stock;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.RedisKeys;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.product.Catalogs;
import com.siyumall.product.catalog.CatalogService;
import com.siyumall.product.category.CategoryService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class StockReservationTest {
    @Autowired
    StockService stock;
    @Autowired
    StockReconciler reconciler;
    @Autowired
    CatalogService catalog;
    @Autowired
    CategoryService categories;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedissonClient redis;
    @Autowired
    RedisKeys keys;
    Catalogs catalogs;
    long category;

    @BeforeEach
    void setUp() {
        catalogs = new Catalogs(catalog, categories);
        category = catalogs.category();
    }

    private List<Long> skuIdsOf(long spuId) {
        return jdbc.queryForList("SELECT id FROM sku WHERE spu_id = ? ORDER BY id", Long.class, spuId);
    }

    private Map<String, Object> row(long skuId) {
        return jdbc.queryForMap("SELECT available, reserved, sold FROM sku_stock WHERE sku_id = ?", skuId);
    }

    private static String orderNo() {
        return "T" + IdWorker.getIdStr();
    }

    /** Runs the calls from {@code threads} threads at once and returns how many succeeded. */
    private static int hammer(int threads, List<Callable<Boolean>> calls) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> futures = new ArrayList<>();
        for (Callable<Boolean> call : calls) {
            futures.add(pool.submit(() -> {
                start.await();
                return call.call();
            }));
        }
        start.countDown();
        int ok = 0;
        for (Future<Boolean> f : futures) {
            if (f.get()) {
                ok++;
            }
        }
        pool.shutdown();
        return ok;
    }

    private Callable<Boolean> reservation(String orderNo, List<StockLine> lines) {
        return () -> {
            try {
                stock.reserve(orderNo, lines);
                return true;
            } catch (BusinessException e) {
                assertThat(e.errorCode().code()).isEqualTo("STOCK_INSUFFICIENT");
                return false;
            }
        };
    }

    @Test
    void sevenHundredBasketsRacingForOneThousandUnitsReserveExactlyOneThousandAllOrNothing() throws Exception {
        long spuId = catalogs.product(category, "hot", null, 1000, 100_000).getId();
        long hot = skuIdsOf(spuId).get(0);
        long cold = skuIdsOf(spuId).get(1);
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 700; i++) {
            calls.add(reservation(orderNo(), List.of(new StockLine(hot, 2), new StockLine(cold, 1))));
        }

        int reserved = hammer(16, calls);

        assertThat(reserved).isEqualTo(500);
        assertThat(row(hot)).containsEntry("available", 0).containsEntry("reserved", 1000);
        assertThat(row(cold)).containsEntry("available", 100_000 - 500).containsEntry("reserved", 500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE sku_id = ?", Integer.class, hot)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_reservation WHERE sku_id = ?", Integer.class, cold))
                .as("no basket kept its cold line without its hot one").isEqualTo(500);
        assertThat(stock.available(List.of(hot, cold))).containsEntry(hot, 0).containsEntry(cold, 100_000 - 500);
    }

    @Test
    void aProductShownButNeverBoughtHasItsStockLoadedIntoRedisOnceAndReservationsCountFromThere() {
        long sku = skuIdsOf(catalogs.product(category, "shown", null, 40).getId()).get(0);
        var inRedis = redis.<String>getBucket(keys.key("product:{stock}:sku:" + sku), org.redisson.client.codec.StringCodec.INSTANCE);
        assertThat(inRedis.isExists()).as("nothing loaded before anyone looks").isFalse();

        assertThat(stock.available(List.of(sku))).containsEntry(sku, 40);
        assertThat(inRedis.get()).as("the first view loads MySQL's count").isEqualTo("40");

        stock.reserve(orderNo(), List.of(new StockLine(sku, 3)));
        assertThat(stock.available(List.of(sku))).containsEntry(sku, 37);
        assertThat(row(sku)).containsEntry("available", 37).containsEntry("reserved", 3);
    }

    @Test
    void aRepeatAfterItsRedisMarkerIsGoneGetsTheFirstReservationEvenWhenNothingIsLeft() {
        long sku = skuIdsOf(catalogs.product(category, "repeat", null, 5).getId()).get(0);
        String order = orderNo();
        stock.reserve(order, List.of(new StockLine(sku, 5)));
        redis.getBucket(keys.key("product:{stock}:order:" + order)).delete();

        StockService.Reservation repeat = stock.reserve(order, List.of(new StockLine(sku, 5)));

        assertThat(repeat.status()).isEqualTo("RESERVED");
        assertThat(repeat.lines()).containsExactly(new StockLine(sku, 5));
        assertThat(row(sku)).as("taken once").containsEntry("available", 0).containsEntry("reserved", 5);
        assertThatThrownBy(() -> stock.reserve(order, List.of(new StockLine(sku, 4))))
                .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.errorCode().code()).isEqualTo("RESERVATION_MISMATCH"));
    }

    @Test
    void theSameReleaseDeliveredTwiceAtOnceRestoresStockOnce() throws Exception {
        long sku = skuIdsOf(catalogs.product(category, "release", null, 50).getId()).get(0);
        String order = orderNo();
        stock.reserve(order, List.of(new StockLine(sku, 5)));
        List<Callable<Boolean>> releases = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            releases.add(() -> {
                stock.release(order);
                return true;
            });
        }

        hammer(10, releases);

        assertThat(row(sku)).containsEntry("available", 50).containsEntry("reserved", 0);
        assertThat(stock.available(List.of(sku))).containsEntry(sku, 50);
        assertThat(stock.release(order).status()).isEqualTo("RELEASED");
    }

    @Test
    void whenRedisLosesItsStockMidRunItIsRebuiltFromMysqlAndNothingIsOversold() throws Exception {
        long sku = skuIdsOf(catalogs.product(category, "flush", null, 300).getId()).get(0);
        AtomicInteger started = new AtomicInteger();
        List<Callable<Boolean>> calls = new ArrayList<>();
        for (int i = 0; i < 400; i++) {
            String order = orderNo();
            calls.add(() -> {
                if (started.incrementAndGet() == 150) {
                    redis.getKeys().deleteByPattern(keys.key("product:{stock}:*"));
                }
                return reservation(order, List.of(new StockLine(sku, 1))).call();
            });
        }

        int reserved = hammer(16, calls);

        Map<String, Object> after = row(sku);
        assertThat(reserved).isEqualTo(300);
        assertThat(after).containsEntry("available", 0).containsEntry("reserved", 300);
        reconciler.reconcile();
        assertThat(stock.available(List.of(sku))).containsEntry(sku, 0);
    }

    @Test
    void aRepeatedReservationReturnsTheFirstAndADifferentBasketUnderTheSameOrderIsRefused() {
        long sku = skuIdsOf(catalogs.product(category, "repeat", null, 10).getId()).get(0);
        String order = orderNo();
        stock.reserve(order, List.of(new StockLine(sku, 3)));
        StockService.Reservation again = stock.reserve(order, List.of(new StockLine(sku, 3)));

        assertThat(again.status()).isEqualTo("RESERVED");
        assertThat(row(sku)).containsEntry("available", 7);
        assertThatThrownBy(() -> stock.reserve(order, List.of(new StockLine(sku, 4))))
                .isInstanceOf(BusinessException.class).hasMessage("RESERVATION_MISMATCH");
    }

    @Test
    void confirmedUnitsAreSoldAndNeitherReleasedNorConfirmedTwice() {
        long sku = skuIdsOf(catalogs.product(category, "confirm", null, 10).getId()).get(0);
        String paid = orderNo();
        stock.reserve(paid, List.of(new StockLine(sku, 4)));
        stock.confirm(paid);
        stock.confirm(paid);
        stock.release(paid);
        assertThat(row(sku)).containsEntry("available", 6).containsEntry("reserved", 0).containsEntry("sold", 4);

        String cancelled = orderNo();
        stock.reserve(cancelled, List.of(new StockLine(sku, 1)));
        stock.release(cancelled);
        assertThatThrownBy(() -> stock.confirm(cancelled)).hasMessage("RESERVATION_RELEASED");
        assertThatThrownBy(() -> stock.confirm("NOPE-" + orderNo())).hasMessage("RESERVATION_NOT_FOUND");
    }

    @Test
    void comingSoonOffShelfAndUnknownSkusCannotBeReserved() {
        long comingSoon = skuIdsOf(catalogs.product(category, "soon", Instant.now().plus(Duration.ofDays(1)), 10).getId()).get(0);
        long spuOff = catalogs.product(category, "off", null, 10).getId();
        catalog.takeOffShelf(spuOff);

        assertThatThrownBy(() -> stock.reserve(orderNo(), List.of(new StockLine(comingSoon, 1)))).hasMessage("PRODUCT_NOT_ON_SALE");
        assertThatThrownBy(() -> stock.reserve(orderNo(), List.of(new StockLine(skuIdsOf(spuOff).get(0), 1)))).hasMessage("PRODUCT_NOT_ON_SALE");
        assertThatThrownBy(() -> stock.reserve(orderNo(), List.of(new StockLine(42L, 1)))).hasMessage("SKU_NOT_FOUND");
        assertThat(row(comingSoon)).containsEntry("available", 10);
    }

    @Test
    void adjustmentsAreLoggedNeverGoNegativeAndWarnOnceBelowTheThreshold() {
        long spuId = catalog.create(new CatalogService.ProductInfo(category, "threshold", null, null, List.of("https://img.test/t.jpg"),
                List.of(), null), List.of(new CatalogService.NewSku(Map.of("尺码", "M"), 1000, 1000, null, null, 10, 3)), true).getId();
        long sku = skuIdsOf(spuId).get(0);
        stock.available(List.of(sku));

        assertThat(stock.adjust(spuId, sku, 5, "delivery", 1L)).isEqualTo(15);
        assertThat(stock.available(List.of(sku))).containsEntry(sku, 15);
        assertThatThrownBy(() -> stock.adjust(spuId, sku, -16, "count", 1L)).hasMessage("STOCK_WOULD_BE_NEGATIVE");
        assertThatThrownBy(() -> stock.adjust(spuId + 1, sku, 1, "wrong product", 1L)).hasMessage("SKU_NOT_FOUND");
        stock.reserve(orderNo(), List.of(new StockLine(sku, 12)));
        stock.reserve(orderNo(), List.of(new StockLine(sku, 1)));

        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_adjustment WHERE sku_id = ?", Integer.class, sku)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'StockLow' AND event_key = ?",
                Integer.class, Long.toString(sku))).isEqualTo(1);
    }

    @Autowired
    TestRestTemplate http;

    @Test
    void aStockCorrectionRetriedWithItsKeyIsAppliedOnce() throws Exception {
        long spuId = catalog.create(new CatalogService.ProductInfo(category, "correction", null, null, List.of("https://img.test/c.jpg"),
                List.of(), null), List.of(new CatalogService.NewSku(Map.of("尺码", "L"), 1000, 1000, null, null, 10, 0)), true).getId();
        long sku = skuIdsOf(spuId).get(0);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.merchant(1));
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.set("Idempotency-Key", java.util.UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> correction = new HttpEntity<>(Map.of("delta", 5, "reason", "found a box"), headers);
        String path = "/admin/products/" + spuId + "/skus/" + sku + "/stock";

        List<ResponseEntity<String>> retries = AtOnce.run(4, () -> http.exchange(path, HttpMethod.POST, correction, String.class));

        assertThat(retries).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(200, 409));
        assertThat(retries).filteredOn(r -> r.getStatusCode().value() == 200).allSatisfy(r -> assertThat(r.getBody()).contains("\"available\":15"));
        assertThat(stock.available(List.of(sku))).as("10 + 5 once, however often it was sent").containsEntry(sku, 15);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM stock_adjustment WHERE sku_id = ?", Integer.class, sku)).isEqualTo(1);
    }
}
