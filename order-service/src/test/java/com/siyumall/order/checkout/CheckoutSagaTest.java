package com.siyumall.order.checkout;

import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.points.PointsService;
import com.siyumall.order.clients.Benefits;
import com.siyumall.order.clients.MemberClient;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.clients.PromotionClient;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.sql.Connection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checkout under a burst and after a crash: every answer is 201, 409 or a fast 503 BUSY, and no unit, points or saga
 * stays held by an order attempt that made no order.
 */
@MallIntegrationTest(properties = {"spring.config.name=order-service",
        // deliberately small: two submits at a time, a short wait for a place, a small connection pool
        "siyumall.checkout.max-concurrent-submits=2", "siyumall.checkout.max-wait-for-admission=150ms",
        "spring.datasource.hikari.maximum-pool-size=4",
        // recovery runs when a test says so
        "siyumall.checkout.recover-every=1h", "siyumall.checkout.recover-first-after=1h"})
class CheckoutSagaTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    CheckoutSagas sagas;
    @Autowired
    CheckoutSagaMapper sagaRows;
    @Autowired
    ProductClient products;
    @Autowired
    Benefits benefits;
    @Autowired
    PromotionClient promotions;
    @Autowired
    MemberClient members;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply submit(Shop.Member member, Map<String, Object> body) {
        return Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Map<String, Object> basket(Shop.Product product, String storeId) {
        return Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "storeId", storeId);
    }

    @Test
    void aBurstOnASmallPoolGets201409Or503BusyAndEveryReservedUnitBelongsToAnOrder() throws Exception {
        Shop.Product product = Shop.product(1_990, 20);
        String store = Shop.store();
        List<Shop.Member> members = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            members.add(Shop.member());
        }

        List<Shop.Reply> answers = AtOnce.run(members.stream().<java.util.concurrent.Callable<Shop.Reply>>map(m ->
                () -> submit(m, basket(product, store))).toList());

        Map<Integer, Integer> byStatus = new HashMap<>();
        answers.forEach(a -> byStatus.merge(a.status(), 1, Integer::sum));
        assertThat(byStatus.keySet()).as("no 5xx but 503, no other answer: %s", byStatus).isSubsetOf(201, 409, 503);
        for (Shop.Reply answer : answers) {
            if (answer.status() == 409) {
                assertThat(answer.code()).isEqualTo("STOCK_INSUFFICIENT");
            } else if (answer.status() == 503) {
                assertThat(answer.code()).isEqualTo("BUSY");
            }
        }
        int created = byStatus.getOrDefault(201, 0);
        assertThat(created).as("never oversold, and the burst was not all turned away: %s", byStatus).isBetween(1, 20);

        // every reserved unit belongs to an order, every order attempt's saga is finished
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(created);
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(20 - created);
        List<String> orderNos = answers.stream().filter(a -> a.status() == 201).map(a -> a.text("orderNo")).toList();
        for (String orderNo : orderNos) {
            assertThat(sagaRows.find(orderNo).status()).isEqualTo(CheckoutSaga.Status.COMPLETED);
        }
        String memberIds = String.join(",", members.stream().map(Shop.Member::id).toList());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE member_id IN (" + memberIds + ")", Integer.class)).isEqualTo(created);
        assertThat(jdbc.queryForList("SELECT DISTINCT status FROM checkout_saga WHERE member_id IN (" + memberIds + ")", String.class))
                .as("refused attempts were given back at once").isSubsetOf("COMPLETED", "COMPENSATED");
        int refusedAttempts = jdbc.queryForObject("SELECT COUNT(*) FROM checkout_saga WHERE status = 'COMPENSATED' AND member_id IN ("
                + memberIds + ")", Integer.class);
        assertThat(refusedAttempts).as("each 409 had a saga; a 503 was turned away before it began").isEqualTo(byStatus.getOrDefault(409, 0));
    }

    @Test
    void whatADeadProcessLeftHeldIsGivenBackByTheRecoveryJob() {
        Shop.Product product = Shop.product(2_000, 5);
        Shop.Member member = Shop.member();
        long memberId = Long.parseLong(member.id());
        PointsService points = UpstreamServices.memberBean(PointsService.class);
        points.earn(memberId, 1_000, "TEST_GRANT", "saga-recovery");

        // a submit wrote its saga, reserved stock and held points, then its process died before writing the order
        String orderNo = "O" + System.nanoTime();
        Instant started = Instant.now().minus(Duration.ofMinutes(5));
        sagaRows.insert(new CheckoutSaga(orderNo, memberId, CheckoutSaga.Status.STARTED, false, false, null, 400, 0,
                started.plus(Duration.ofSeconds(60)), null, started), null);
        products.reserve(orderNo, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 2)));
        benefits.holdPoints(memberId, 400, orderNo);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(2);
        assertThat(points.balance(memberId)).isEqualTo(600);

        sagas.recover();

        assertThat(sagaRows.find(orderNo).status()).isEqualTo(CheckoutSaga.Status.COMPENSATED);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isZero();
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(5);
        assertThat(points.balance(memberId)).isEqualTo(1_000);

        // running again gives back nothing twice
        sagas.recover();
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(5);
        assertThat(points.balance(memberId)).isEqualTo(1_000);
    }

    @Test
    void aRetryThatTakesOverTheKeyOfASubmitThatDiedAfterWritingItsOrderGetsThatOrderNotASecondOne() {
        Shop.Product product = Shop.product(2_000, 5);
        Shop.Member member = Shop.member();
        String store = Shop.store();
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = basket(product, store);
        Shop.Reply first = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), body, Map.of("Idempotency-Key", key));
        assertThat(first.status()).isEqualTo(201);
        // the process died between committing the order and keeping its answer: the key is IN_PROGRESS, its lease over
        jdbc.update("UPDATE idempotency_record SET status = 'IN_PROGRESS', response_body = NULL, lease_until = ? "
                + "WHERE scope = 'order.submit' AND owner_id = ? AND idem_key = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)),
                Long.parseLong(member.id()), key);

        Shop.Reply retry = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), body, Map.of("Idempotency-Key", key));

        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("orderNo")).isEqualTo(first.text("orderNo"));
        assertThat(retry.body().path("payAmount").asLong()).isEqualTo(first.body().path("payAmount").asLong());
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE member_id = ?", Integer.class, Long.parseLong(member.id())))
                .as("one order however the first request ended").isEqualTo(1);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(1);
    }

    @Test
    void aSagaStillRunningIsLeftAloneAndOneWhoseUndoFailsIsRetriedUntilItSucceeds() throws Exception {
        Shop.Product product = Shop.product(2_000, 5);
        Shop.Member member = Shop.member();
        long memberId = Long.parseLong(member.id());
        Instant now = Instant.now();

        String running = "O" + System.nanoTime();
        sagaRows.insert(new CheckoutSaga(running, memberId, CheckoutSaga.Status.STARTED, false, false, null, 0, 0,
                now.plus(Duration.ofSeconds(60)), null, now), null);
        products.reserve(running, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 1)));
        sagas.recover();
        assertThat(sagaRows.find(running).status()).as("within its deadline").isEqualTo(CheckoutSaga.Status.STARTED);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(1);

        // an undo whose answer is lost (product-service's row is locked, the call times out) is retried with backoff
        String stuck = "O" + System.nanoTime();
        Instant longAgo = now.minus(Duration.ofMinutes(5));
        sagaRows.insert(new CheckoutSaga(stuck, memberId, CheckoutSaga.Status.STARTED, false, false, null, 0, 0,
                longAgo.plusSeconds(60), null, longAgo), null);
        products.reserve(stuck, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 1)));
        try (Connection productDb = UpstreamServices.productBean(DataSource.class).getConnection()) {
            productDb.setAutoCommit(false);
            productDb.createStatement().executeQuery("SELECT * FROM stock_reservation WHERE order_no = '" + stuck + "' FOR UPDATE");
            sagas.recover();
            productDb.rollback();
        }
        CheckoutSaga retrying = sagaRows.find(stuck);
        assertThat(retrying.status()).isEqualTo(CheckoutSaga.Status.COMPENSATING);
        assertThat(retrying.attempts()).isEqualTo(1);
        assertThat(retrying.lastError()).isNotBlank();
        assertThat(retrying.nextAttemptAt()).isAfter(Instant.now());
        Shop.Reply listed = Shop.call("http://127.0.0.1:" + port, "GET", "/admin/checkout-sagas?status=COMPENSATING&size=100",
                com.siyumall.common.testsupport.TestTokens.merchant(1), null, Map.of());
        assertThat(listed.body().path("items").findValuesAsText("orderNo")).as(listed.body().toString()).contains(stuck);

        // the next attempt (made due now) finishes it
        jdbc.update("UPDATE checkout_saga SET next_attempt_at = ? WHERE order_no = ?", java.sql.Timestamp.from(Instant.now()), stuck);
        sagas.recover();
        assertThat(sagaRows.find(stuck).status()).isEqualTo(CheckoutSaga.Status.COMPENSATED);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).as("only the running saga's unit").isEqualTo(1);
    }

    @Test
    void unitsAStepTookAfterItsUndoRanAreReleasedByTheirOwnerOnceNoOrderCanTakeThemUp() {
        // product-service asks this order-service about the attempts behind old reservations
        System.setProperty("siyumall.services.order", "http://127.0.0.1:" + port);
        Shop.Product product = Shop.product(2_000, 10);
        Shop.Member member = Shop.member();
        long memberId = Long.parseLong(member.id());
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));

        // a reservation that committed after its saga was compensated (the reserve call had timed out)
        String late = "O" + System.nanoTime();
        sagaRows.insert(new CheckoutSaga(late, memberId, CheckoutSaga.Status.STARTED, false, false, null, 0, 0, longAgo, null, longAgo), null);
        sagas.recover();
        assertThat(sagaRows.find(late).status()).isEqualTo(CheckoutSaga.Status.COMPENSATED);
        products.reserve(late, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 2)));
        // a reservation of an attempt never recorded anywhere (a process died between reserving and its saga row)
        String unknown = "O" + System.nanoTime();
        products.reserve(unknown, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 1)));
        // a live order's reservation, and a saga still running: both stay
        Shop.Reply live = submit(member, Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 3)), "storeId", Shop.store()));
        assertThat(live.status()).isEqualTo(201);
        String running = "O" + System.nanoTime();
        sagaRows.insert(new CheckoutSaga(running, memberId, CheckoutSaga.Status.STARTED, false, false, null, 0, 0,
                Instant.now().plusSeconds(60), null, Instant.now()), null);
        products.reserve(running, List.of(new ProductClient.Line(Long.valueOf(product.skuId()), 1)));
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(7);

        // all four reservations are older than the TTL
        UpstreamServices.productBean(JdbcTemplate.class).update("UPDATE stock_reservation SET created_at = ? WHERE order_no IN (?, ?, ?, ?)",
                java.sql.Timestamp.from(longAgo), late, unknown, live.text("orderNo"), running);
        Shop.Reply swept = Shop.call(UpstreamServices.productUrl(), "POST", "/admin/stock/release-abandoned",
                com.siyumall.common.testsupport.TestTokens.merchant(1), null, Map.of());
        assertThat(swept.status()).isEqualTo(200);
        assertThat(swept.body().path("released").asInt()).isGreaterThanOrEqualTo(2);

        assertThat(Shop.stockOf(product).path("reserved").asInt()).as("the live order's 3 and the running saga's 1").isEqualTo(4);
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(6);
    }

    @Test
    void couponsPointsSeatsAndFirstPurchaseClaimsHeldByAnAttemptWithoutAnOrderAreGivenBackByTheirOwners() {
        System.setProperty("siyumall.services.order", "http://127.0.0.1:" + port);
        Shop.Product product = Shop.product(3_000, 10);
        Shop.Member member = Shop.member();
        long memberId = Long.parseLong(member.id());
        String couponId = Shop.coupon(member, 5_000, 500);
        UpstreamServices.memberBean(PointsService.class).earn(memberId, 1_000, "TEST_GRANT", "holds-" + memberId);
        long firstPurchaseActivity = Long.parseLong(Shop.call(UpstreamServices.promotionUrl(), "POST", "/admin/first-purchase-activities",
                TestTokens.merchant(1), Map.of("name", "新人首单", "startsAt", Instant.now().minusSeconds(60).toString(),
                        "endsAt", Instant.now().plusSeconds(3_600).toString(), "withinDaysOfJoining", 7,
                        "prices", List.of(Map.of("skuId", product.skuId(), "price", 990))), Map.of()).text("id"));
        long groupBuyActivity = Long.parseLong(Shop.call(UpstreamServices.promotionUrl(), "POST", "/admin/group-buy-activities",
                TestTokens.merchant(1), Map.of("name", "两人团", "skuId", product.skuId(), "groupPrice", 1_990, "groupSize", 2,
                        "durationMinutes", 60, "perMemberLimit", 1, "startsAt", Instant.now().minusSeconds(60).toString(),
                        "endsAt", Instant.now().plusSeconds(86_400).toString()), Map.of()).text("id"));

        // an attempt that took a coupon, points, a first-purchase claim and a seat, and then vanished (no saga row, no order)
        String vanished = "O" + System.nanoTime();
        promotions.lockCoupon(memberId, Long.parseLong(couponId), vanished);
        members.holdPoints(memberId, 300, vanished);
        promotions.claimFirstPurchase(memberId, vanished, firstPurchaseActivity);
        long groupId = promotions.takeSeat(memberId, new PromotionClient.GroupBuyRef(groupBuyActivity, null), vanished).groupId();
        // an attempt whose saga is still running holds points too: they stay
        String running = "O" + System.nanoTime();
        sagaRows.insert(new CheckoutSaga(running, memberId, CheckoutSaga.Status.STARTED, false, false, null, 0, 0,
                Instant.now().plusSeconds(60), null, Instant.now()), null);
        members.holdPoints(memberId, 200, running);
        assertThat(Shop.couponStatus(member, couponId)).isEqualTo("LOCKED");
        PointsService points = UpstreamServices.memberBean(PointsService.class);
        assertThat(points.balance(memberId)).isEqualTo(500);

        java.sql.Timestamp longAgo = java.sql.Timestamp.from(Instant.now().minus(Duration.ofMinutes(10)));
        JdbcTemplate promotionDb = UpstreamServices.promotionBean(JdbcTemplate.class);
        promotionDb.update("UPDATE coupon SET locked_at = ? WHERE order_no = ?", longAgo, vanished);
        promotionDb.update("UPDATE group_buy_seat SET created_at = ? WHERE order_no = ?", longAgo, vanished);
        promotionDb.update("UPDATE first_purchase_claim SET created_at = ? WHERE order_no = ?", longAgo, vanished);
        UpstreamServices.memberBean(JdbcTemplate.class).update("UPDATE points_hold SET created_at = ? WHERE order_no IN (?, ?)",
                longAgo, vanished, running);

        Shop.Reply atPromotion = Shop.call(UpstreamServices.promotionUrl(), "POST", "/admin/holds/release-abandoned", TestTokens.merchant(1), null, Map.of());
        Shop.Reply atMember = Shop.call(UpstreamServices.memberUrl(), "POST", "/admin/holds/release-abandoned", TestTokens.merchant(1), null, Map.of());
        assertThat(Shop.call(UpstreamServices.memberUrl(), "POST", "/admin/holds/release-abandoned", Shop.member().token(), null, Map.of())
                .status()).as("a shopper may not run it").isEqualTo(403);

        assertThat(atPromotion.status()).isEqualTo(200);
        assertThat(atPromotion.body().path("released").path("coupon").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(atPromotion.body().path("released").path("seat").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(atPromotion.body().path("released").path("first-purchase").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(atMember.body().path("released").path("points").asInt()).isGreaterThanOrEqualTo(1);
        assertThat(Shop.couponStatus(member, couponId)).isEqualTo("UNUSED");
        assertThat(points.balance(memberId)).as("the vanished attempt's 300 came back; the running saga's 200 stay held").isEqualTo(800);
        assertThat(promotionDb.queryForObject("SELECT status FROM group_buy_seat WHERE order_no = ?", String.class, vanished)).isEqualTo("RELEASED");
        assertThat(promotionDb.queryForObject("SELECT COUNT(*) FROM first_purchase_claim WHERE order_no = ? AND status = 'HELD'",
                Integer.class, vanished)).isZero();
        assertThat(Shop.call(UpstreamServices.promotionUrl(), "GET", "/api/group-buys/groups/" + groupId, null, null, Map.of())
                .body().path("seatsLeft").asInt()).as("the seat is free again").isEqualTo(2);
    }
}
