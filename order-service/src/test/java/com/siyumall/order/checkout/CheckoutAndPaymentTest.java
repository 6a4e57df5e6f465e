package com.siyumall.order.checkout;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStack;
import com.siyumall.devstack.wechat.WechatSandbox;
import com.siyumall.member.points.PointsService;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class CheckoutAndPaymentTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private String base() {
        return "http://127.0.0.1:" + port;
    }

    private Shop.Reply call(String method, String path, String token, Object body) {
        return Shop.call(base(), method, path, token, body, Map.of());
    }

    private Shop.Reply submit(Shop.Member member, String key, Object body) {
        return Shop.call(base(), "POST", "/api/orders", member.token(), body, key == null ? Map.of() : Map.of("Idempotency-Key", key));
    }

    private static Map<String, Object> basket(Shop.Product product, int quantity) {
        return Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", quantity)),
                "address", Map.of("name", "张三", "phone", "13800138000", "region", "上海市 静安区", "detail", "南京西路 1 号"));
    }

    private String prepayIdOf(Shop.Reply pay) {
        return pay.text("package").substring("prepay_id=".length());
    }

    private int events(String type, String orderNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND event_key = ?", Integer.class, type, orderNo);
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    @Test
    void aMemberBuysFromTheCartPaysThroughTheSandboxAndTheStockIsSold() {
        Shop.Product product = Shop.product(3000, 10);
        Shop.Member member = Shop.member();
        assertThat(call("POST", "/api/cart/items", member.token(), Map.of("skuId", product.skuId(), "quantity", 2)).status()).isEqualTo(200);
        JsonNode cart = call("GET", "/api/cart", member.token(), null).body();
        assertThat(cart.path("items").get(0).path("price").asLong()).isEqualTo(3000);
        assertThat(cart.path("items").get(0).path("buyable").asBoolean()).isTrue();

        Shop.Reply preview = call("POST", "/api/orders/preview", member.token(), basket(product, 2));
        assertThat(preview.body().path("itemsAmount").asLong()).isEqualTo(6000);
        assertThat(preview.body().path("freight").asLong()).as("below the free-delivery threshold").isEqualTo(1000);
        assertThat(preview.body().path("payAmount").asLong()).isEqualTo(7000);

        Shop.Reply placed = submit(member, UUID.randomUUID().toString(), basket(product, 2));
        assertThat(placed.status()).isEqualTo(201);
        String orderNo = placed.text("orderNo");
        assertThat(placed.text("status")).isEqualTo("UNPAID");
        assertThat(placed.body().path("payAmount").asLong()).isEqualTo(7000);
        assertThat(call("GET", "/api/cart", member.token(), null).body().path("items")).as("bought SKUs leave the cart").isEmpty();
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(2);

        Shop.Reply pay = call("POST", "/api/orders/" + orderNo + "/pay", member.token(), null);
        assertThat(pay.status()).isEqualTo(200);
        assertThat(pay.text("appId")).isEqualTo(DevStack.get().wechat().credentials().appId());
        assertThat(pay.text("signType")).isEqualTo("RSA");
        assertThat(pay.text("paySign")).isNotBlank();

        Map<String, Object> notified = DevStack.get().wechat().paySucceeded(prepayIdOf(pay));
        assertThat(notified).containsEntry("notifyStatus", 204);
        assertThat(status(orderNo)).isEqualTo("PAID");
        assertThat(events("OrderPaid", orderNo)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("sold").asInt() == 2);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isZero();

        JsonNode detail = call("GET", "/api/orders/" + orderNo, member.token(), null).body();
        assertThat(detail.path("status").asText()).isEqualTo("PAID");
        assertThat(detail.path("items").get(0).path("name").asText()).isEqualTo("订单测试商品");
        assertThat(detail.path("history").findValuesAsText("toStatus")).containsExactly("UNPAID", "PAID");
        assertThat(call("GET", "/api/orders?status=PAID", member.token(), null).body().path("items").findValuesAsText("orderNo"))
                .containsExactly(orderNo);
    }

    @Test
    void tenIdenticalNotificationsAtOncePayTheOrderOnceAndForgedStaleOrWrongAmountOnesChangeNothing() throws Exception {
        Shop.Product product = Shop.product(1500, 10);
        Shop.Member member = Shop.member();
        String orderNo = submit(member, UUID.randomUUID().toString(), basket(product, 1)).text("orderNo");
        String prepayId = prepayIdOf(call("POST", "/api/orders/" + orderNo + "/pay", member.token(), null));
        WechatSandbox sandbox = DevStack.get().wechat();
        long now = Instant.now().getEpochSecond();

        WechatSandbox.SignedNotification stale = sandbox.signedPaymentNotification(prepayId, Map.of(), now - 600);
        assertThat(post(stale).status()).isEqualTo(401);
        WechatSandbox.SignedNotification cheaper = sandbox.signedPaymentNotification(prepayId, Map.of("amount",
                Map.of("total", 1, "payer_total", 1, "currency", "CNY", "payer_currency", "CNY")), now);
        Shop.Reply wrongAmount = post(cheaper);
        assertThat(wrongAmount.status()).isEqualTo(400);
        assertThat(wrongAmount.body().path("reason").asText()).isEqualTo("REJECTED_AMOUNT");
        WechatSandbox.SignedNotification genuine = sandbox.signedPaymentNotification(prepayId, Map.of(), now);
        WechatSandbox.SignedNotification tampered = new WechatSandbox.SignedNotification(genuine.headers(),
                genuine.body().replace("\"summary\":\"", "\"summary\":\"x"));
        assertThat(post(tampered).status()).isEqualTo(401);
        Map<String, String> forgedHeaders = new java.util.HashMap<>(genuine.headers());
        forgedHeaders.put("Wechatpay-Signature", java.util.Base64.getEncoder().encodeToString(new byte[256]));
        assertThat(post(new WechatSandbox.SignedNotification(forgedHeaders, genuine.body())).status()).isEqualTo(401);
        assertThat(status(orderNo)).isEqualTo("UNPAID");
        assertThat(events("OrderPaid", orderNo)).isZero();

        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Shop.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return post(genuine);
            }));
        }
        start.countDown();
        for (Future<Shop.Reply> reply : replies) {
            assertThat(reply.get().status()).isEqualTo(204);
        }
        pool.shutdown();

        assertThat(status(orderNo)).isEqualTo("PAID");
        assertThat(events("OrderPaid", orderNo)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT outcome FROM payment_notification WHERE order_no = ?", String.class, orderNo))
                .containsOnlyOnce("PAID").contains("DUPLICATE", "REJECTED_AMOUNT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM payment_notification WHERE outcome = 'DUPLICATE' AND order_no = ?",
                Integer.class, orderNo)).isEqualTo(9);
    }

    private Shop.Reply post(WechatSandbox.SignedNotification notification) {
        return Shop.call(base(), "POST", "/api/payments/wechat/notify", null, notification.body(), notification.headers());
    }

    @Test
    void twoSubmitsWithOneIdempotencyKeyAtOnceMakeOneOrderAndOthersCannotSeeIt() throws Exception {
        Shop.Product product = Shop.product(2000, 10);
        Shop.Member member = Shop.member();
        String key = UUID.randomUUID().toString();
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Shop.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return submit(member, key, basket(product, 1));
            }));
        }
        start.countDown();
        Shop.Reply first = replies.get(0).get();
        Shop.Reply second = replies.get(1).get();
        pool.shutdown();

        assertThat(first.status()).isEqualTo(201);
        assertThat(second.status()).isEqualTo(201);
        assertThat(second.text("orderNo")).isEqualTo(first.text("orderNo"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE member_id = ?", Integer.class, Long.valueOf(member.id()))).isEqualTo(1);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isEqualTo(1);
        assertThat(submit(member, key, basket(product, 2)).code()).isEqualTo("IDEMPOTENCY_KEY_REUSED");
        assertThat(submit(member, null, basket(product, 1)).code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");

        Shop.Member stranger = Shop.member();
        String orderNo = first.text("orderNo");
        assertThat(call("GET", "/api/orders/" + orderNo, stranger.token(), null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/orders/" + orderNo + "/pay", stranger.token(), null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", stranger.token(), null).status()).isEqualTo(404);
        assertThat(call("GET", "/api/orders", stranger.token(), null).body().path("items")).isEmpty();
    }

    @Test
    void aCancelRetriedWithItsKeyAnswersTheFirstResultAndGivesTheStockBackOnce() throws Exception {
        Shop.Product product = Shop.product(1_500, 3);
        Shop.Member member = Shop.member();
        String orderNo = submit(member, UUID.randomUUID().toString(), basket(product, 2)).text("orderNo");
        Map<String, String> key = Map.of("Idempotency-Key", UUID.randomUUID().toString());

        List<Shop.Reply> cancels = AtOnce.run(4, () -> Shop.call(base(), "POST", "/api/orders/" + orderNo + "/cancel", member.token(), null, key));
        Shop.Reply repeatWithoutKey = call("POST", "/api/orders/" + orderNo + "/cancel", member.token(), null);

        assertThat(cancels).extracting(Shop.Reply::status).containsOnly(200);
        assertThat(cancels).extracting(r -> r.text("status")).containsOnly("CANCELLED");
        assertThat(cancels).extracting(r -> r.body().path("history").size()).containsOnly(cancels.get(0).body().path("history").size());
        assertThat(repeatWithoutKey.status()).as("without a key a repeat is a new request: the order cannot move again").isEqualTo(409);
        assertThat(events("OrderCancelled", orderNo)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("reserved").asInt() == 0);
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(3);
    }

    @Test
    void aCouponTakesItsDiscountAndIsLockedByTheOrderAndFreedWhenTheOrderIsCancelled() {
        Shop.Product product = Shop.product(2000, 5);
        Shop.Member member = Shop.member();
        String couponId = Shop.coupon(member, 3000, 500);
        Map<String, Object> withCoupon = new java.util.HashMap<>(basket(product, 2));
        withCoupon.put("couponId", couponId);

        JsonNode preview = call("POST", "/api/orders/preview", member.token(), withCoupon).body();
        assertThat(preview.path("discounts").get(0).path("amount").asLong()).isEqualTo(500);
        assertThat(preview.path("payAmount").asLong()).as("4000 - 500 + 1000 freight below the 9900 threshold").isEqualTo(4500);
        Shop.Reply placed = submit(member, UUID.randomUUID().toString(), withCoupon);
        assertThat(placed.body().path("payAmount").asLong()).isEqualTo(4500);
        assertThat(Shop.couponStatus(member, couponId)).isEqualTo("LOCKED");
        Map<String, Object> again = new java.util.HashMap<>(basket(product, 2));
        again.put("couponId", couponId);
        assertThat(submit(member, UUID.randomUUID().toString(), again).code()).isEqualTo("COUPON_UNAVAILABLE");

        call("POST", "/api/orders/" + placed.text("orderNo") + "/cancel", member.token(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> "UNUSED".equals(Shop.couponStatus(member, couponId)));
        Map<String, Object> tooSmall = new java.util.HashMap<>(basket(product, 1));
        tooSmall.put("couponId", couponId);
        assertThat(call("POST", "/api/orders/preview", member.token(), tooSmall).code()).isEqualTo("COUPON_NOT_APPLICABLE");
    }

    @Test
    void twoOrdersAtOnceByOneNewMemberGiveTheFirstPurchasePriceToOneAndACancelGivesTheChanceBack() throws Exception {
        Shop.Product product = Shop.product(2_000, 10);
        Shop.Reply activity = Shop.call(UpstreamServices.promotionUrl(), "POST", "/admin/first-purchase-activities",
                TestTokens.merchant(1), Map.of("name", "新人首单9.9", "startsAt", Instant.now().minusSeconds(60).toString(),
                        "endsAt", Instant.now().plusSeconds(3_600).toString(), "withinDaysOfJoining", 7,
                        "prices", List.of(Map.of("skuId", product.skuId(), "price", 990))), Map.of());
        assertThat(activity.status()).isEqualTo(201);
        Shop.Member member = Shop.member();
        JsonNode preview = call("POST", "/api/orders/preview", member.token(), basket(product, 2)).body();
        assertThat(preview.path("discounts").get(0).path("kind").asText()).isEqualTo("FIRST_PURCHASE");
        assertThat(preview.path("payAmount").asLong()).as("one unit at 9.90, one at 20.00, freight 10").isEqualTo(990 + 2_000 + 1_000);

        List<Shop.Reply> submits = AtOnce.run(2, () -> submit(member, UUID.randomUUID().toString(), basket(product, 2)));

        // exactly one order gets the first-purchase price; the other, depending on whether it was priced before or
        // after the winner claimed, is refused (FIRST_PURCHASE_TAKEN, its stock given back) or placed at full price
        List<Shop.Reply> won = submits.stream().filter(r -> r.status() == 201 && r.body().path("payAmount").asLong() == 3_990).toList();
        assertThat(won).hasSize(1);
        Shop.Reply other = submits.stream().filter(r -> r != won.get(0)).findFirst().orElseThrow();
        if (other.status() == 409) {
            assertThat(other.code()).isEqualTo("FIRST_PURCHASE_TAKEN");
            assertThat(Shop.stockOf(product).path("reserved").asInt()).as("the refused order gave its stock back").isEqualTo(2);
        } else {
            assertThat(other.status()).isEqualTo(201);
            assertThat(other.body().path("payAmount").asLong()).as("priced after the claim: full price").isEqualTo(5_000);
            call("POST", "/api/orders/" + other.text("orderNo") + "/cancel", member.token(), null);
        }
        assertThat(call("POST", "/api/orders/preview", member.token(), basket(product, 2)).body().path("payAmount").asLong())
                .as("while one order holds it, others pay full price").isEqualTo(5_000);

        call("POST", "/api/orders/" + won.get(0).text("orderNo") + "/cancel", member.token(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> call("POST", "/api/orders/preview", member.token(), basket(product, 2))
                .body().path("payAmount").asLong() == 3_990);
    }

    @Test
    void aSubmitPaysThePreviewedQuoteOnlyWhileTheCatalogStillAgrees() {
        Shop.Product product = Shop.product(3000, 10);
        Shop.Member member = Shop.member();
        assertThat(call("POST", "/api/orders/preview", member.token(), basket(product, 2)).body().path("payAmount").asLong())
                .as("6000 + 1000 freight").isEqualTo(7000);
        Shop.Reply repriced = Shop.call(UpstreamServices.productUrl(), "PUT", "/admin/products/" + product.spuId() + "/skus/"
                + product.skuId(), TestTokens.merchant(1), Map.of("price", 2500), Map.of());
        assertThat(repriced.status()).isEqualTo(200);

        Shop.Reply placed = submit(member, UUID.randomUUID().toString(), basket(product, 2));
        assertThat(placed.status()).isEqualTo(201);
        assertThat(placed.body().path("payAmount").asLong()).as("the new price, not the previewed one: 5000 + 1000").isEqualTo(6000);
        assertThat(jdbc.queryForObject("SELECT price FROM order_line WHERE order_no = ?", Long.class, placed.text("orderNo")))
                .isEqualTo(2500);
    }

    @Test
    void pointsPayTheMerchantsShareOfAnOrderAreSpentWhenItIsPaidAndComeBackWhenItIsCancelled() {
        Shop.Product product = Shop.product(3000, 5);
        Shop.Member member = Shop.member();
        long memberId = Long.parseLong(member.id());
        PointsService points = UpstreamServices.memberBean(PointsService.class);
        points.earn(memberId, 10_000, "TEST_GRANT", "checkout");
        Map<String, Object> withPoints = new java.util.HashMap<>(basket(product, 2));
        withPoints.put("usePoints", true);

        JsonNode preview = call("POST", "/api/orders/preview", member.token(), withPoints).body();
        assertThat(preview.path("pointsAmount").asLong()).as("at most half of 60 yuan, 100 points a yuan").isEqualTo(3_000);
        assertThat(preview.path("pointsUsed").asLong()).isEqualTo(3_000);
        assertThat(preview.path("payAmount").asLong()).as("6000 - 3000 + 1000 freight").isEqualTo(4_000);
        Shop.Reply placed = submit(member, UUID.randomUUID().toString(), withPoints);
        assertThat(placed.body().path("payAmount").asLong()).isEqualTo(4_000);
        assertThat(points.balance(memberId)).as("held at once").isEqualTo(7_000);

        call("POST", "/api/orders/" + placed.text("orderNo") + "/cancel", member.token(), null);
        await().atMost(Duration.ofSeconds(30)).until(() -> points.balance(memberId) == 10_000);

        Shop.Reply paid = submit(member, UUID.randomUUID().toString(), withPoints);
        String prepayId = prepayIdOf(call("POST", "/api/orders/" + paid.text("orderNo") + "/pay", member.token(), null));
        DevStack.get().wechat().paySucceeded(prepayId);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(call("GET", "/api/orders/" + paid.text("orderNo"),
                member.token(), null).text("status")));
        JdbcTemplate memberDb = UpstreamServices.memberBean(JdbcTemplate.class);
        await().atMost(Duration.ofSeconds(30)).until(() -> "CONFIRMED".equals(memberDb.queryForObject(
                "SELECT status FROM points_hold WHERE order_no = ?", String.class, paid.text("orderNo"))));
        assertThat(points.balance(memberId)).as("7000 left; the 40 yuan paid earn 40 once OrderPaid arrives").isBetween(7_000L, 7_040L);
    }

    @Test
    void whenAStepAfterTheReservationFailsTheStockAndTheCouponComeBackAndNoOrderExists() throws Exception {
        Shop.Product product = Shop.product(2000, 5);
        Shop.Member member = Shop.member();
        String couponId = Shop.coupon(member, 1000, 300);
        long memberId = Long.parseLong(member.id());
        UpstreamServices.memberBean(PointsService.class).earn(memberId, 10_000, "TEST_GRANT", "saga");
        Map<String, Object> withPoints = new java.util.HashMap<>(basket(product, 3));
        withPoints.put("couponId", couponId);
        withPoints.put("usePoints", true);

        // The member's points row is locked while checkout prices the basket with the points and takes stock and
        // coupon; once the coupon is locked the points are spent elsewhere, so the hold — the step after — must fail.
        JdbcTemplate memberDb = UpstreamServices.memberBean(JdbcTemplate.class);
        TransactionTemplate memberTx = new TransactionTemplate(UpstreamServices.memberBean(PlatformTransactionManager.class));
        CountDownLatch locked = new CountDownLatch(1);
        CountDownLatch spendElsewhere = new CountDownLatch(1);
        CompletableFuture<Void> rival = CompletableFuture.runAsync(() -> memberTx.executeWithoutResult(tx -> {
            memberDb.queryForObject("SELECT balance FROM points_account WHERE member_id = ? FOR UPDATE", Long.class, memberId);
            locked.countDown();
            try {
                spendElsewhere.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            UpstreamServices.memberBean(PointsService.class).spend(memberId, 10_000, "TEST_SPEND", "elsewhere");
        }));
        locked.await();
        CompletableFuture<Shop.Reply> submitting = CompletableFuture.supplyAsync(() -> submit(member, UUID.randomUUID().toString(), withPoints));
        await().atMost(Duration.ofSeconds(30)).until(() -> "LOCKED".equals(Shop.couponStatus(member, couponId)));
        spendElsewhere.countDown();
        rival.get();
        Shop.Reply refused = submitting.get();

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).as("holding points fails after stock and coupon were taken").isEqualTo("POINTS_INSUFFICIENT");
        assertThat(memberDb.queryForObject("SELECT COUNT(*) FROM points_hold WHERE member_id = ?", Integer.class, memberId)).isZero();
        JsonNode stock = Shop.stockOf(product);
        assertThat(stock.path("available").asInt()).isEqualTo(5);
        assertThat(stock.path("reserved").asInt()).isZero();
        assertThat(Shop.couponStatus(member, couponId)).isEqualTo("UNUSED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE member_id = ?", Integer.class, Long.valueOf(member.id()))).isZero();

        Map<String, Object> unknownCoupon = new java.util.HashMap<>(basket(product, 1));
        unknownCoupon.put("couponId", "777");
        assertThat(submit(member, UUID.randomUUID().toString(), unknownCoupon).code()).isEqualTo("COUPON_NOT_FOUND");
        Shop.Reply tooMany = submit(member, UUID.randomUUID().toString(), basket(product, 6));
        assertThat(tooMany.status()).isEqualTo(409);
        assertThat(tooMany.code()).isEqualTo("STOCK_INSUFFICIENT");
        assertThat(tooMany.body().path("skuId").asText()).isEqualTo(product.skuId());
        assertThat(submit(member, UUID.randomUUID().toString(), Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1))))
                .code()).isEqualTo("DELIVERY_REQUIRED");
        Shop.Reply noStore = submit(member, UUID.randomUUID().toString(),
                Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "storeId", "424242"));
        assertThat(noStore.status()).isEqualTo(404);
        assertThat(noStore.code()).isEqualTo("STORE_NOT_FOUND");
        assertThat(noStore.body().path("detail").asText()).contains("424242");
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(5);
    }

    @Test
    void aPaymentForAnOrderAlreadyCancelledIsRefundedAutomatically() {
        Shop.Product product = Shop.product(2500, 5);
        Shop.Member member = Shop.member();
        String orderNo = submit(member, UUID.randomUUID().toString(), basket(product, 1)).text("orderNo");
        String prepayId = prepayIdOf(call("POST", "/api/orders/" + orderNo + "/pay", member.token(), null));
        assertThat(call("POST", "/api/orders/" + orderNo + "/cancel", member.token(), null).text("status")).isEqualTo("CANCELLED");
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("available").asInt() == 5);

        assertThat(DevStack.get().wechat().paySucceeded(prepayId)).containsEntry("notifyStatus", 204);

        assertThat(status(orderNo)).isEqualTo("CANCELLED");
        assertThat(events("OrderPaid", orderNo)).isZero();
        assertThat(jdbc.queryForMap("SELECT amount, status FROM refund WHERE order_no = ?", orderNo))
                .containsEntry("amount", 3500L).containsEntry("status", "PROCESSING");
        assertThat(call("POST", "/api/orders/" + orderNo + "/pay", member.token(), null).code()).isEqualTo("ORDER_NOT_PAYABLE");
    }
}
