package com.siyumall.order.groupbuy;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStack;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import com.siyumall.promotion.groupbuy.GroupBuys;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Group-buy through checkout, with the real promotion-, product- and member-service beside and the sandbox paying. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class GroupBuyCheckoutTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply call(String method, String path, String token, Object body) {
        return Shop.call("http://127.0.0.1:" + port, method, path, token, body, Map.of());
    }

    private Shop.Reply submit(Shop.Member member, Map<String, Object> body) {
        return Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), body, Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private static Map<String, Object> groupBasket(Shop.Product product, String activityId, String groupId) {
        Map<String, Object> groupBuy = new HashMap<>(Map.of("activityId", activityId));
        if (groupId != null) {
            groupBuy.put("groupId", groupId);
        }
        return Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)), "groupBuy", groupBuy,
                "address", Map.of("name", "王五", "phone", "13700137000", "region", "上海市 浦东新区", "detail", "世纪大道 1 号"));
    }

    private static String activity(Shop.Product product) {
        Shop.Reply created = Shop.call(UpstreamServices.promotionUrl(), "POST", "/admin/group-buy-activities", TestTokens.merchant(1),
                Map.of("name", "三人团", "skuId", product.skuId(), "groupPrice", 1_990, "groupSize", 3, "durationMinutes", 60,
                        "perMemberLimit", 1, "startsAt", Instant.now().minusSeconds(60).toString(),
                        "endsAt", Instant.now().plus(Duration.ofDays(1)).toString()), Map.of());
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private void pay(Shop.Member member, String orderNo) {
        String prepayId = call("POST", "/api/orders/" + orderNo + "/pay", member.token(), null).text("package").substring("prepay_id=".length());
        DevStack.get().wechat().paySucceeded(prepayId);
        await().atMost(Duration.ofSeconds(30)).until(() -> "PAID".equals(jdbc.queryForObject(
                "SELECT status FROM orders WHERE order_no = ?", String.class, orderNo)));
    }

    private String groupOf(String orderNo) {
        return jdbc.queryForObject("SELECT group_buy_group_id FROM orders WHERE order_no = ?", String.class, orderNo);
    }

    @Test
    void aGroupOfThreeWithTenJoinersAtOnceHasExactlyThreeMembersAndShipsOnlyOnceFull() throws Exception {
        Shop.Product product = Shop.product(3_000, 20);
        String activityId = activity(product);
        Shop.Member leader = Shop.member();
        assertThat(call("POST", "/api/orders/preview", leader.token(), groupBasket(product, activityId, null)).body().path("payAmount").asLong())
                .as("the group price 19.90 and freight 10").isEqualTo(2_990);
        String leaderOrder = submit(leader, groupBasket(product, activityId, null)).text("orderNo");
        String groupId = groupOf(leaderOrder);
        List<Shop.Member> joiners = new ArrayList<>();
        List<Callable<Shop.Reply>> joins = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            Shop.Member joiner = Shop.member();
            joiners.add(joiner);
            joins.add(() -> submit(joiner, groupBasket(product, activityId, groupId)));
        }

        List<Shop.Reply> replies = AtOnce.run(joins);

        List<Shop.Reply> joined = replies.stream().filter(r -> r.status() == 201).toList();
        assertThat(joined).hasSize(2);
        assertThat(replies).filteredOn(r -> r.status() != 201).extracting(Shop.Reply::code).containsOnly("GROUP_FULL");
        assertThat(Shop.stockOf(product).path("reserved").asInt()).as("the refused joiners gave their units back").isEqualTo(3);

        pay(leader, leaderOrder);
        assertThat(call("POST", "/admin/orders/" + leaderOrder + "/ship", TestTokens.merchant(1),
                Map.of("carrier", "SF", "trackingNo", "SF1000001")).code()).isEqualTo("GROUP_BUY_PENDING");
        for (Shop.Reply join : joined) {
            Shop.Member payer = joiners.get(replies.indexOf(join));
            pay(payer, join.text("orderNo"));
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(jdbc.queryForObject(
                "SELECT group_buy_status FROM orders WHERE order_no = ?", String.class, leaderOrder)));
        assertThat(call("POST", "/admin/orders/" + leaderOrder + "/ship", TestTokens.merchant(1),
                Map.of("carrier", "SF", "trackingNo", "SF1000001")).text("status")).isEqualTo("SHIPPED");
        assertThat(Shop.call(UpstreamServices.promotionUrl(), "GET", "/api/group-buys/groups/" + groupId, null, null, Map.of())
                .body().path("seatsPaid").asInt()).isEqualTo(3);
    }

    @Test
    void aGroupThatFailsRefundsEveryPaidMemberAndCancelsTheUnpaid() {
        Shop.Product product = Shop.product(3_000, 10);
        String activityId = activity(product);
        Map<String, Object> shipTo = Map.of("address", Map.of("name", "王五", "phone", "13700137000", "region", "上海市 浦东新区",
                "detail", "世纪大道 1 号"));
        Shop.Member leader = Shop.member();
        Shop.Reply opened = Shop.call("http://127.0.0.1:" + port, "POST", "/api/group-buys/" + activityId + "/groups", leader.token(), shipTo,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(opened.status()).as("opening a group places the leader's order").isEqualTo(201);
        assertThat(opened.body().path("payAmount").asLong()).isEqualTo(2_990);
        String leaderOrder = opened.text("orderNo");
        String groupId = groupOf(leaderOrder);
        assertThat(opened.text("groupId")).as("opening answers the group to share").isEqualTo(groupId);
        Shop.Member friend = Shop.member();
        Shop.Reply joined = Shop.call("http://127.0.0.1:" + port, "POST", "/api/group-buys/groups/" + groupId + "/join", friend.token(), shipTo,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
        assertThat(joined.text("groupId")).isEqualTo(groupId);
        String friendOrder = joined.text("orderNo");
        JsonNode sharePage = Shop.call(UpstreamServices.promotionUrl(), "GET", "/api/group-buys/groups/" + groupId, null, null, Map.of()).body();
        assertThat(sharePage.path("members")).hasSize(2);
        assertThat(sharePage.path("members").findValuesAsText("nickname")).allSatisfy(name -> assertThat(name).isNotBlank());
        assertThat(sharePage.path("members").findValues("memberId")).as("the public page shows no member ids").isEmpty();
        assertThat(sharePage.toString()).doesNotContain(leader.id()).doesNotContain(friend.id());
        Shop.Member late = Shop.member();
        String lateOrder = submit(late, groupBasket(product, activityId, groupId)).text("orderNo");
        assertThat(groupOf(friendOrder)).isEqualTo(groupId);
        pay(leader, leaderOrder);
        pay(friend, friendOrder);

        UpstreamServices.promotionBean(GroupBuys.class).expire(Long.parseLong(groupId));

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM orders WHERE order_no IN (?, ?) AND status = 'REFUNDED'", Integer.class, leaderOrder, friendOrder) == 2);
        assertThat(jdbc.queryForObject("SELECT status FROM orders WHERE order_no = ?", String.class, lateOrder)).isEqualTo("CANCELLED");
        assertThat(jdbc.queryForObject("SELECT SUM(amount) FROM refund WHERE order_no IN (?, ?) AND reason = 'GROUP_BUY_FAILED'",
                Long.class, leaderOrder, friendOrder)).as("every paid member got all of it back").isEqualTo(2 * 2_990L);
        await().atMost(Duration.ofSeconds(30)).until(() -> Shop.stockOf(product).path("available").asInt() == 10);
    }
}
