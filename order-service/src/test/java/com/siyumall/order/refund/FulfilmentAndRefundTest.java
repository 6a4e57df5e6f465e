package com.siyumall.order.refund;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.service.WxPayService;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.auto-confirm-after=3s"})
class FulfilmentAndRefundTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RefundMapper refundRows;
    @Autowired
    RefundReconciler reconciler;
    @Autowired
    WxPayService wechat;
    final String merchant = TestTokens.merchant(1);

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply call(String method, String path, String token, Object body) {
        return Shop.call("http://127.0.0.1:" + port, method, path, token, body, Map.of());
    }

    /** A refund request as the mini-program sends it: with a fresh Idempotency-Key. */
    private Shop.Reply refund(String orderNo, String token, Object body) {
        return Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders/" + orderNo + "/refunds", token, body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    /** An order of {@code quantity} units picked up at a store (no freight), paid through the sandbox. */
    private String paidOrder(Shop.Member member, Shop.Product product, int quantity) {
        return paidOrder(member, product, quantity, Map.of("storeId", Shop.store()));
    }

    /** An order of {@code quantity} units sent by carrier (pick-up orders are never shipped), paid through the sandbox. */
    private String paidDeliveredOrder(Shop.Member member, Shop.Product product, int quantity) {
        return paidOrder(member, product, quantity, Map.of("address",
                Map.of("name", "张三", "phone", "13800138000", "region", "上海市 徐汇区", "detail", "漕溪北路 1 号")));
    }

    private String paidOrder(Shop.Member member, Shop.Product product, int quantity, Map<String, Object> delivery) {
        String orderNo = Shop.paidOrder("http://127.0.0.1:" + port, member, product, quantity, delivery);
        assertThat(status(orderNo)).isEqualTo("PAID");
        return orderNo;
    }

    @Test
    void aShippedOrderIsCompletedByTheMemberOrByTheAutoConfirmTimer() {
        Shop.Product product = Shop.product(1200, 10);
        Shop.Member member = Shop.member();
        String confirmed = paidDeliveredOrder(member, product, 1);
        String forgotten = paidDeliveredOrder(member, product, 1);

        assertThat(call("POST", "/api/orders/" + confirmed + "/confirm-receipt", member.token(), null).code()).isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(call("POST", "/admin/orders/" + confirmed + "/ship", merchant, Map.of("carrier", "SF", "trackingNo", "SF1234567890"))
                .text("status")).isEqualTo("SHIPPED");
        assertThat(call("POST", "/admin/orders/" + confirmed + "/ship", merchant, Map.of("carrier", "SF", "trackingNo", "SF1234567890"))
                .code()).as("shipping twice").isEqualTo("ORDER_STATE_CONFLICT");
        assertThat(call("POST", "/api/orders/" + confirmed + "/confirm-receipt", Shop.member().token(), null).status()).isEqualTo(404);
        assertThat(call("POST", "/api/orders/" + confirmed + "/confirm-receipt", member.token(), null).text("status")).isEqualTo("COMPLETED");

        call("POST", "/admin/orders/" + forgotten + "/ship", merchant, Map.of("carrier", "YTO", "trackingNo", "YT0000000001"));
        await().atMost(Duration.ofSeconds(40)).until(() -> "COMPLETED".equals(status(forgotten)));
        assertThat(jdbc.queryForObject("SELECT reason FROM order_status_history WHERE order_no = ? AND to_status = 'COMPLETED'",
                String.class, forgotten)).isEqualTo("AUTO_CONFIRMED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'OrderCompleted' AND event_key IN (?, ?)",
                Integer.class, confirmed, forgotten)).isEqualTo(2);
    }

    @Test
    void beforeShippingARefundGoesThroughAtOnceLineByLineAndTheStockComesBack() {
        Shop.Product product = Shop.product(1000, 10);
        Shop.Member member = Shop.member();
        String orderNo = paidOrder(member, product, 3);
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("sold").asInt() == 3);

        Shop.Reply partial = refund(orderNo, member.token(),
                Map.of("reason", "不想要了", "items", List.of(Map.of("skuId", product.skuId(), "quantity", 1))));
        assertThat(partial.status()).isEqualTo(201);
        assertThat(partial.body().path("amount").asLong()).isEqualTo(1000);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT refunded_amount FROM orders WHERE order_no = ?", Long.class, orderNo) == 1000);
        assertThat(status(orderNo)).isEqualTo("PAID");
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("available").asInt() == 8);

        assertThat(refund(orderNo, member.token(),
                Map.of("reason", "too much", "items", List.of(Map.of("skuId", product.skuId(), "quantity", 4)))).code())
                .isEqualTo("REFUND_LINE_INVALID");
        Shop.Reply rest = refund(orderNo, member.token(), Map.of("reason", "全部退"));
        assertThat(rest.body().path("amount").asLong()).isEqualTo(2000);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(orderNo)));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'OrderRefunded' AND event_key = ?",
                Integer.class, orderNo)).isEqualTo(2);
        assertThat(refund(orderNo, member.token(), Map.of("reason", "again")).code())
                .isEqualTo("REFUND_NOT_ALLOWED");
    }

    @Test
    void fiveRefundRequestsAtOnceNeverClaimMoreThanWasPaid() throws Exception {
        Shop.Product product = Shop.product(1000, 10);
        Shop.Member member = Shop.member();
        String orderNo = paidOrder(member, product, 2);
        java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(5);
        java.util.concurrent.CountDownLatch start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<Shop.Reply>> replies = new java.util.ArrayList<>();
        for (int i = 0; i < 5; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return refund(orderNo, member.token(), Map.of("reason", "并发退款"));
            }));
        }
        start.countDown();
        int accepted = 0;
        for (java.util.concurrent.Future<Shop.Reply> reply : replies) {
            Shop.Reply r = reply.get();
            if (r.status() == 201) {
                accepted++;
            } else {
                assertThat(r.code()).isEqualTo("REFUND_EXCEEDS_PAID");
            }
        }
        pool.shutdown();

        assertThat(accepted).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM refund WHERE order_no = ?", Long.class, orderNo)).isEqualTo(2000);
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(orderNo)));
        assertThat(jdbc.queryForObject("SELECT refunded_amount FROM orders WHERE order_no = ?", Long.class, orderNo)).isEqualTo(2000);
    }

    @Test
    void afterShippingTheMerchantDecidesAndARejectedRefundMovesNoMoney() {
        Shop.Product product = Shop.product(1000, 10);
        Shop.Member member = Shop.member();
        String orderNo = paidDeliveredOrder(member, product, 2);
        call("POST", "/admin/orders/" + orderNo + "/ship", merchant, Map.of("carrier", "SF", "trackingNo", "SF0000000002"));

        Shop.Reply requested = refund(orderNo, member.token(), Map.of("reason", "坏了"));
        assertThat(requested.text("status")).isEqualTo("REQUESTED");
        String refundId = requested.text("refundId");
        assertThat(refund(orderNo, member.token(), Map.of("reason", "twice")).code())
                .as("the first request already claims the whole amount").isEqualTo("REFUND_EXCEEDS_PAID");
        assertThat(call("POST", "/admin/refunds/" + refundId + "/reject", merchant, Map.of("reason", "已签收无质量问题")).text("status"))
                .isEqualTo("REJECTED");
        assertThat(call("POST", "/admin/refunds/" + refundId + "/approve", merchant, null).code()).isEqualTo("REFUND_ALREADY_DECIDED");
        assertThat(jdbc.queryForObject("SELECT refunded_amount FROM orders WHERE order_no = ?", Long.class, orderNo)).isZero();

        String second = refund(orderNo, member.token(), Map.of("reason", "再申请")).text("refundId");
        // the order's refunds, newest first, as the console's order page lists them
        assertThat(call("GET", "/admin/refunds?orderNo=" + orderNo, merchant, null).body().path("items").findValuesAsText("refundId"))
                .containsExactly(second, refundId);
        assertThat(call("GET", "/admin/refunds?status=REJECTED&orderNo=" + orderNo, merchant, null).body().path("items")
                .findValuesAsText("refundId")).containsExactly(refundId);
        // the shopper's own refunds, and nobody else's
        assertThat(call("GET", "/api/refunds", member.token(), null).body().path("items").findValuesAsText("refundId"))
                .containsExactly(second, refundId);
        assertThat(call("GET", "/api/refunds?orderNo=" + orderNo, Shop.member().token(), null).body().path("items")).isEmpty();
        assertThat(call("POST", "/admin/refunds/" + second + "/approve", merchant, null).text("status")).isEqualTo("PROCESSING");
        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(orderNo)));
        JsonNode stock = Shop.stockOf(product);
        assertThat(stock.path("sold").asInt()).as("shipped goods do not come back to stock").isEqualTo(2);
    }

    @Test
    void aRefundThatNeverReachedWechatPayOrWhoseNotificationWasLostIsBookedByTheReconciler() throws Exception {
        Shop.Product product = Shop.product(1500, 10);
        Shop.Member member = Shop.member();
        String neverSent = paidOrder(member, product, 1);
        String notificationLost = paidOrder(member, product, 1);
        long memberId = jdbc.queryForObject("SELECT member_id FROM orders WHERE order_no = ?", Long.class, neverSent);
        long paid = jdbc.queryForObject("SELECT pay_amount FROM orders WHERE order_no = ?", Long.class, neverSent);
        Instant longAgo = Instant.now().minus(Duration.ofMinutes(10));

        // the process stopped after the refund row committed and before WeChat Pay heard of it
        refundRows.open("RX" + neverSent.substring(1), neverSent, memberId, paid, "TEST", "PROCESSING", "[]", true, longAgo);
        // WeChat Pay refunded, but every notification went to an address nobody answers
        String lostNo = "RY" + notificationLost.substring(1);
        WxPayRefundV3Request request = new WxPayRefundV3Request();
        request.setOutTradeNo(notificationLost);
        request.setOutRefundNo(lostNo);
        request.setNotifyUrl("http://127.0.0.1:9/nobody-listens");
        request.setAmount(new WxPayRefundV3Request.Amount().setRefund(Math.toIntExact(paid)).setTotal(Math.toIntExact(paid)).setCurrency("CNY"));
        String refundId = wechat.refundV3(request).getRefundId();
        refundRows.open(lostNo, notificationLost, memberId, paid, "TEST", "PROCESSING", "[]", true, longAgo);
        refundRows.recordRefundId(lostNo, refundId, longAgo);
        await().atMost(Duration.ofSeconds(10)).until(() -> "SUCCESS".equals(wechat.refundQueryV3(lostNo).getStatus()));

        assertThat(reconciler.reconcileUpdatedBefore(Duration.ofMinutes(5))).isGreaterThanOrEqualTo(2);

        await().atMost(Duration.ofSeconds(30)).until(() -> "REFUNDED".equals(status(neverSent)) && "REFUNDED".equals(status(notificationLost)));
        assertThat(jdbc.queryForList("SELECT status FROM refund WHERE refund_no IN (?, ?)", String.class, "RX" + neverSent.substring(1), lostNo))
                .containsOnly("SUCCESS");
        assertThat(jdbc.queryForObject("SELECT SUM(refunded_amount) FROM orders WHERE order_no IN (?, ?)", Long.class, neverSent, notificationLost))
                .as("each order's money booked once").isEqualTo(2 * paid);
        reconciler.reconcileUpdatedBefore(Duration.ZERO);
        assertThat(jdbc.queryForObject("SELECT SUM(refunded_amount) FROM orders WHERE order_no IN (?, ?)", Long.class, neverSent, notificationLost))
                .as("reconciling again books nothing twice").isEqualTo(2 * paid);
    }
}
