package com.siyumall.order.timeout;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Unpaid orders are cancelled by a real RocketMQ delayed message (a 3-second timeout here), and give back their stock. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=3s", "siyumall.order.sweep-every=1h"})
class UnpaidOrderTimeoutTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    @Test
    void theDelayedMessageCancelsAnUnpaidOrderAndEverythingItHeldComesBack() {
        Shop.Product product = Shop.product(1000, 4);
        Shop.Member member = Shop.member();
        String base = "http://127.0.0.1:" + port;
        Shop.Reply placed = Shop.call(base, "POST", "/api/orders", member.token(), Map.of(
                "items", List.of(Map.of("skuId", product.skuId(), "quantity", 3)), "storeId", Shop.store()),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        String orderNo = placed.text("orderNo");
        assertThat(placed.body().path("payAmount").asLong()).as("store pick-up has no freight").isEqualTo(3000);
        assertThat(Shop.stockOf(product).path("available").asInt()).isEqualTo(1);

        await().atMost(Duration.ofSeconds(40)).until(() ->
                "CANCELLED".equals(jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, orderNo)));

        assertThat(jdbc.queryForObject("SELECT cancel_reason FROM orders WHERE order_no = ?", String.class, orderNo)).isEqualTo("PAYMENT_TIMEOUT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'OrderCancelled' AND event_key = ?",
                Integer.class, orderNo)).isEqualTo(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("available").asInt() == 4);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).isZero();
        assertThat(Shop.call(base, "POST", "/api/orders/" + orderNo + "/pay", member.token(), null, Map.of()).code())
                .isEqualTo("ORDER_NOT_PAYABLE");
    }

    @Autowired
    UnpaidOrderTimeout timeout;

    @Test
    void oneSweepWorksOffABacklogOfOrdersWhoseTimersNeverArrived() {
        // 450 unpaid orders due an hour ago, all at the same instant, whose delayed messages were lost with a broker
        java.sql.Timestamp anHourAgo = java.sql.Timestamp.from(java.time.Instant.now().minus(Duration.ofHours(1)));
        String batch = "S" + System.nanoTime();
        List<Object[]> rows = new java.util.ArrayList<>();
        for (int i = 0; i < 450; i++) {
            rows.add(new Object[] {batch + String.format("%04d", i), 77L, anHourAgo, anHourAgo, anHourAgo});
        }
        jdbc.batchUpdate("INSERT INTO orders (order_no, member_id, status, items_amount, discount_amount, freight, pay_amount, delivery, "
                + "expires_at, created_at, updated_at) VALUES (?, ?, 'UNPAID', 1000, 0, 0, 1000, 'PICKUP', ?, ?, ?)", rows);

        timeout.sweep();

        assertThat(jdbc.queryForList("SELECT DISTINCT CONCAT(status, ' ', cancel_reason) FROM orders WHERE order_no LIKE ?", String.class,
                batch + "%")).as("more than two batches of 200, ties on the due time included, in one round").containsExactly("CANCELLED PAYMENT_TIMEOUT");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM order_status_history WHERE order_no LIKE ? AND to_status = 'CANCELLED'",
                Integer.class, batch + "%")).isEqualTo(450);
    }
}
