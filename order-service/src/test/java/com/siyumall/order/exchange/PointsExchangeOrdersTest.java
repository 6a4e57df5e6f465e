package com.siyumall.order.exchange;

import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.points.PointsService;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** member-service's points mall and this order-service, running side by side: SKU items become orders paid with points. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class PointsExchangeOrdersTest {
    private static final Map<String, Object> ADDRESS = Map.of("name", "李四", "phone", "13900139000", "region", "上海市 徐汇区",
            "detail", "漕溪北路 1 号");

    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    @BeforeEach
    void memberServiceOrdersHere() {
        System.setProperty("siyumall.services.order", "http://127.0.0.1:" + port);
    }

    private static Shop.Reply member(String method, String path, String token, Object body) {
        return Shop.call(UpstreamServices.memberUrl(), method, path, token, body, Map.of());
    }

    @Test
    void fiveExchangesAtOnceForASkuWithThreeUnitsOrderThreeAndGiveTheOthersTheirPointsBack() throws Exception {
        Shop.Product product = Shop.product(5_900, 3);
        Shop.Reply item = member("POST", "/admin/points-mall/items", TestTokens.merchant(1), Map.of("name", "保温杯", "kind", "SKU",
                "skuId", product.skuId(), "pointsPrice", 800, "stock", 10, "perMemberLimit", 1));
        assertThat(item.status()).isEqualTo(201);
        PointsService points = UpstreamServices.memberBean(PointsService.class);
        List<Shop.Member> members = new ArrayList<>();
        List<Callable<Shop.Reply>> exchanges = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            Shop.Member m = Shop.member();
            points.earn(Long.parseLong(m.id()), 1_000, "TEST_GRANT", "exchange");
            members.add(m);
            exchanges.add(() -> Shop.call(UpstreamServices.memberUrl(), "POST", "/api/points-mall/" + item.text("id") + "/exchange", m.token(),
                    Map.of("address", ADDRESS), Map.of("Idempotency-Key", UUID.randomUUID().toString())));
        }

        List<Shop.Reply> replies = AtOnce.run(exchanges);

        List<Shop.Reply> done = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(done).hasSize(3).allSatisfy(r -> assertThat(r.text("status")).isEqualTo("DONE"));
        assertThat(replies).filteredOn(r -> r.status() != 200).extracting(Shop.Reply::code).containsOnly("STOCK_INSUFFICIENT");
        for (Shop.Reply r : done) {
            Map<String, Object> order = jdbc.queryForMap("SELECT status, pay_amount, points_used FROM orders WHERE order_no = ?", r.text("orderNo"));
            assertThat(order.get("status")).isEqualTo("PAID");
            assertThat(((Number) order.get("pay_amount")).longValue()).isZero();
            assertThat(((Number) order.get("points_used")).longValue()).isEqualTo(800);
        }
        assertThat(Shop.stockOf(product).path("sold").asInt()).as("three units sold, none over").isEqualTo(3);
        assertThat(Shop.stockOf(product).path("available").asInt()).isZero();
        long balances = members.stream().mapToLong(m -> points.balance(Long.parseLong(m.id()))).sum();
        assertThat(balances).as("800 taken from three members, the two refused got theirs back").isEqualTo(5 * 1_000 - 3 * 800);
        assertThat(Shop.call(UpstreamServices.memberUrl(), "POST", "/api/points-mall/" + item.text("id") + "/exchange", members.get(0).token(),
                Map.of(), Map.of("Idempotency-Key", UUID.randomUUID().toString())).code())
                .as("a shipped item needs an address").isEqualTo("ADDRESS_REQUIRED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'OrderPaid' AND event_key IN ("
                + String.join(",", done.stream().map(r -> "'" + r.text("orderNo") + "'").toList()) + ")", Integer.class))
                .as("no OrderPaid: nothing was paid in money").isZero();
    }
}
