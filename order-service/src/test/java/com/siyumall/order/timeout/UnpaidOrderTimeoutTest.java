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
}
