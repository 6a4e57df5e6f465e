package com.siyumall.order.fulfilment;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** A store pick-up order: its code when paid, verified once at its own store, which completes it; reminded once. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class StorePickupTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    OrderLifecycle lifecycle;

    private final String merchant = TestTokens.merchant(1);

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply call(String method, String path, String token) {
        return Shop.call("http://127.0.0.1:" + port, method, path, token, null, Map.of());
    }

    private Shop.Reply ship(String orderNo) {
        return Shop.call("http://127.0.0.1:" + port, "POST", "/admin/orders/" + orderNo + "/ship", merchant,
                Map.of("carrier", "SF", "trackingNo", "SF1234567890"), Map.of());
    }

    /** An order of one unit of the product with {@code delivery} (storeId or address), paid through the sandbox. */
    private String paidOrder(Shop.Member member, Shop.Product product, Map<String, Object> delivery) {
        return Shop.paidOrder("http://127.0.0.1:" + port, member, product, 1, delivery);
    }

    private String status(String orderNo) {
        return jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    private int published(String type, String orderNo) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = ? AND event_key = ?", Integer.class, type, orderNo);
    }

    @Test
    void aPaidPickupOrderShowsItsCodeIsNeverShippedAndIsCompletedOnceByAGuideOfItsStore() {
        Shop.Product product = Shop.product(1_500, 10);
        Shop.Member member = Shop.member();
        long store = Long.parseLong(Shop.store());
        String orderNo = paidOrder(member, product, Map.of("storeId", Long.toString(store)));

        String unpaid = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), Map.of("storeId", Long.toString(store),
                "items", List.of(Map.of("skuId", product.skuId(), "quantity", 1))), Map.of("Idempotency-Key", UUID.randomUUID().toString()))
                .text("orderNo");
        assertThat(call("GET", "/api/orders/" + unpaid, member.token()).body().hasNonNull("pickupCode")).as("no code before payment").isFalse();

        JsonNode order = call("GET", "/api/orders/" + orderNo, member.token()).body();
        String code = order.path("pickupCode").asText();
        assertThat(code).matches("\\d{6}");
        assertThat(order.path("pickupQrContent").asText()).isEqualTo("siyumall:pickup:" + code);

        Shop.Reply shipped = ship(orderNo);
        assertThat(shipped.status()).isEqualTo(409);
        assertThat(shipped.code()).isEqualTo("PICKUP_ORDER_NOT_SHIPPED");
        assertThat(call("POST", "/api/orders/" + orderNo + "/confirm-receipt", member.token()).code()).isEqualTo("ORDER_STATE_CONFLICT");

        String otherStoresGuide = TestTokens.guide(71, store + 1);
        assertThat(call("GET", "/guide/pickups/" + code, otherStoresGuide).code()).isEqualTo("PICKUP_AT_ANOTHER_STORE");
        Shop.Reply elsewhere = call("POST", "/guide/pickups/" + code, otherStoresGuide);
        assertThat(elsewhere.status()).isEqualTo(403);
        assertThat(elsewhere.code()).isEqualTo("PICKUP_AT_ANOTHER_STORE");
        assertThat(status(orderNo)).isEqualTo("PAID");

        String guide = TestTokens.guide(72, store);
        JsonNode looked = call("GET", "/guide/pickups/" + code, guide).body();
        assertThat(looked.path("orderNo").asText()).isEqualTo(orderNo);
        assertThat(looked.path("items").get(0).path("skuId").asText()).isEqualTo(product.skuId());

        String key = UUID.randomUUID().toString();
        Shop.Reply verified = Shop.call("http://127.0.0.1:" + port, "POST", "/guide/pickups/siyumall:pickup:" + code, guide, null,
                Map.of("Idempotency-Key", key)); // scanned from the QR
        assertThat(verified.status()).isEqualTo(200);
        assertThat(verified.text("status")).isEqualTo("COMPLETED");
        assertThat(verified.text("pickedUpBy")).isEqualTo("72");
        assertThat(verified.body().hasNonNull("pickupCode")).as("the code is spent").isFalse();
        assertThat(verified.body().path("history").findValuesAsText("reason")).contains("PICKED_UP");
        assertThat(published("OrderCompleted", orderNo)).isEqualTo(1);

        Shop.Reply retried = Shop.call("http://127.0.0.1:" + port, "POST", "/guide/pickups/siyumall:pickup:" + code, guide, null,
                Map.of("Idempotency-Key", key));
        assertThat(retried.status()).as("a retry after a lost answer gets the first one").isEqualTo(200);
        assertThat(retried.text("status")).isEqualTo("COMPLETED");
        Shop.Reply again = call("POST", "/guide/pickups/" + code, guide);
        assertThat(again.status()).isEqualTo(409);
        assertThat(again.code()).isEqualTo("PICKED_UP_ALREADY");
        assertThat(published("OrderCompleted", orderNo)).isEqualTo(1);
    }

    @Test
    void manyScansOfOneCodeAtOnceHandItOverExactlyOnce() throws Exception {
        Shop.Product product = Shop.product(1_500, 10);
        long store = Long.parseLong(Shop.store());
        String orderNo = paidOrder(Shop.member(), product, Map.of("storeId", Long.toString(store)));
        String code = jdbc.queryForObject("SELECT pickup_code FROM orders WHERE order_no = ?", String.class, orderNo);

        List<Callable<Shop.Reply>> scans = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            long guideId = 100 + i;
            scans.add(i % 4 == 0 ? () -> call("POST", "/admin/pickups/" + code, merchant)
                    : () -> call("POST", "/guide/pickups/" + code, TestTokens.guide(guideId, store)));
        }
        List<Shop.Reply> replies = AtOnce.run(scans);
        assertThat(replies.stream().filter(r -> r.status() == 200)).hasSize(1);
        assertThat(replies.stream().filter(r -> r.status() != 200)).hasSize(23)
                .allMatch(r -> r.status() == 409 && r.code().equals("PICKED_UP_ALREADY"));
        assertThat(status(orderNo)).isEqualTo("COMPLETED");
        assertThat(published("OrderCompleted", orderNo)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_status_history WHERE order_no = ? AND to_status = 'COMPLETED'",
                Integer.class, orderNo)).isEqualTo(1);
    }

    @Test
    void aDeliveredOrderHasNoCodeAndStillShipsAndUnknownOrMalformedCodesAreRefused() {
        Shop.Product product = Shop.product(1_500, 10);
        Shop.Member member = Shop.member();
        String orderNo = paidOrder(member, product, Map.of("address",
                Map.of("name", "张三", "phone", "13800138000", "region", "上海市 徐汇区", "detail", "漕溪北路 1 号")));
        assertThat(call("GET", "/api/orders/" + orderNo, member.token()).body().hasNonNull("pickupCode")).isFalse();
        assertThat(ship(orderNo).text("status")).isEqualTo("SHIPPED");

        String guide = TestTokens.guide(73, 1);
        String unused = "000000";
        for (int n = 0; jdbc.queryForObject("SELECT COUNT(*) FROM orders WHERE pickup_code = ?", Integer.class, unused) > 0; n++) {
            unused = String.format("%06d", n);
        }
        Shop.Reply unknown = call("POST", "/guide/pickups/" + unused, guide);
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.code()).isEqualTo("PICKUP_CODE_NOT_FOUND");
        assertThat(call("POST", "/admin/pickups/abc123", merchant).status()).isEqualTo(400);
        assertThat(call("POST", "/guide/pickups/1234567", guide).status()).isEqualTo(400);
        assertThat(call("POST", "/guide/pickups/123456", member.token()).status()).as("a shopper verifies nothing").isEqualTo(403);
    }

    @Test
    void aPickupOrderStillWaitingIsRemindedOnce() {
        Shop.Product product = Shop.product(1_500, 10);
        long store = Long.parseLong(Shop.store());
        Shop.Member member = Shop.member();
        String waiting = paidOrder(member, product, Map.of("storeId", Long.toString(store)));
        String pickedUp = paidOrder(member, product, Map.of("storeId", Long.toString(store)));
        String code = jdbc.queryForObject("SELECT pickup_code FROM orders WHERE order_no = ?", String.class, pickedUp);
        assertThat(call("POST", "/guide/pickups/" + code, TestTokens.guide(74, store)).status()).isEqualTo(200);

        lifecycle.remindWaitingPickups(Duration.ZERO, 1_000);
        lifecycle.remindWaitingPickups(Duration.ZERO, 1_000);
        assertThat(published("PickupReminderDue", waiting)).isEqualTo(1);
        assertThat(published("PickupReminderDue", pickedUp)).isZero();
        assertThat(jdbc.queryForObject("SELECT body FROM outbox_event WHERE event_type = 'PickupReminderDue' AND event_key = ?",
                String.class, waiting)).contains(jdbc.queryForObject("SELECT pickup_code FROM orders WHERE order_no = ?", String.class, waiting));
    }
}
