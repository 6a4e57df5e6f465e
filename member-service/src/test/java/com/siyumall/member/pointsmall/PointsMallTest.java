package com.siyumall.member.pointsmall;

import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import com.siyumall.member.merchant.MerchantAccountService;
import com.siyumall.member.points.PointsService;
import com.siyumall.member.support.PromotionBeside;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;

import static org.assertj.core.api.Assertions.assertThat;

/** Exchanges against the real promotion-service, which issues the coupons. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class PointsMallTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    PointsService points;
    @Autowired
    MerchantAccountService accounts;

    @BeforeAll
    static void promotionServiceBeside() {
        PromotionBeside.start();
    }

    private String merchant(MemberApi api) {
        String username = "mall-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT, null);
        return api.merchantLogin(username, "right-password").text("accessToken");
    }

    private static long couponTemplate(CouponTemplate.Channel channel) {
        return PromotionBeside.bean(CouponService.class).create(CouponTemplate.define("积分兑换券", CouponTemplate.Type.NO_THRESHOLD, 0,
                500L, null, null, CouponTemplate.Scope.ALL, List.of(), null, null, 30, 1_000, 10, Set.of(channel)), 1).getId();
    }

    private String item(MemberApi api, String merchant, long templateId, long price, int stock, int limit) {
        MemberApi.Reply created = api.post("/admin/points-mall/items", merchant, Map.of("name", "5元无门槛券", "kind", "COUPON",
                "couponTemplateId", templateId, "pointsPrice", price, "stock", stock, "perMemberLimit", limit));
        assertThat(created.status()).isEqualTo(201);
        return created.text("id");
    }

    private record Shopper(long memberId, String token) {}

    private Shopper shopper(MemberApi api, long pointsGiven) {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(login.text("memberId"));
        points.earn(memberId, pointsGiven, "TEST_GRANT", "mall");
        return new Shopper(memberId, login.text("accessToken"));
    }

    private Callable<String> exchange(MemberApi api, Shopper shopper, String itemId) {
        return () -> {
            MemberApi.Reply reply = api.postOnce("/api/points-mall/" + itemId + "/exchange", shopper.token(), null);
            return reply.status() == 200 ? reply.text("status") : reply.code();
        };
    }

    @Test
    void fiveConcurrentExchangesWithOneIdempotencyKeyExchangeOnceAndAllAnswerTheSameExchange() throws Exception {
        MemberApi api = new MemberApi(http);
        long templateId = couponTemplate(CouponTemplate.Channel.SYSTEM);
        String itemId = item(api, merchant(api), templateId, 10, 100, 10);
        Shopper shopper = shopper(api, 100);
        String key = UUID.randomUUID().toString();

        List<MemberApi.Reply> replies = AtOnce.run(5, () -> api.call(org.springframework.http.HttpMethod.POST,
                "/api/points-mall/" + itemId + "/exchange", shopper.token(), null, key));

        assertThat(replies).allSatisfy(r -> assertThat(r.status()).as(r.body().toString()).isEqualTo(200));
        assertThat(replies.stream().map(r -> r.text("id")).distinct().toList()).as("one exchange, answered five times").hasSize(1);
        assertThat(points.balance(shopper.memberId())).as("10 points taken once").isEqualTo(90);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_exchange WHERE member_id = ?", Integer.class, shopper.memberId()))
                .isEqualTo(1);
        // a client retry after a timeout gets the same exchange; without a key the exchange is refused
        assertThat(api.call(org.springframework.http.HttpMethod.POST, "/api/points-mall/" + itemId + "/exchange", shopper.token(), null, key)
                .text("id")).isEqualTo(replies.get(0).text("id"));
        MemberApi.Reply keyless = api.post("/api/points-mall/" + itemId + "/exchange", shopper.token(), null);
        assertThat(keyless.status()).isEqualTo(400);
        assertThat(keyless.code()).isEqualTo("IDEMPOTENCY_KEY_REQUIRED");
        assertThat(points.balance(shopper.memberId())).isEqualTo(90);
    }

    @Test
    void sixtyExchangesAtOnceForTenUnitsExchangeExactlyTenAndIssueTenCoupons() throws Exception {
        MemberApi api = new MemberApi(http);
        long templateId = couponTemplate(CouponTemplate.Channel.SYSTEM);
        String itemId = item(api, merchant(api), templateId, 100, 10, 2);
        List<Shopper> shoppers = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            shoppers.add(shopper(api, 200));
        }
        List<Callable<String>> attempts = new ArrayList<>();
        for (Shopper shopper : shoppers) {
            attempts.add(exchange(api, shopper, itemId));
            attempts.add(exchange(api, shopper, itemId));
        }

        List<String> outcomes = AtOnce.run(attempts);

        assertThat(outcomes).filteredOn("DONE"::equals).hasSize(10);
        assertThat(outcomes).filteredOn(o -> !o.equals("DONE")).containsOnly("ITEM_SOLD_OUT");
        assertThat(jdbc.queryForObject("SELECT stock_left FROM points_mall_item WHERE id = ?", Integer.class, Long.valueOf(itemId))).isZero();
        long spent = shoppers.stream().mapToLong(s -> 200 - points.balance(s.memberId())).sum();
        assertThat(spent).as("points taken for exactly the ten exchanged").isEqualTo(1_000);
        JdbcTemplate promotionDb = PromotionBeside.bean(JdbcTemplate.class);
        assertThat(promotionDb.queryForObject("SELECT COUNT(*) FROM coupon WHERE template_id = ? AND cause LIKE 'EXCHANGE:%'",
                Integer.class, templateId)).isEqualTo(10);
    }

    @Test
    void aMemberWithPointsForTwoExchangesTwoOfTenAtOnceAndNeverGoesNegative() throws Exception {
        MemberApi api = new MemberApi(http);
        String itemId = item(api, merchant(api), couponTemplate(CouponTemplate.Channel.SYSTEM), 100, 100, 10);
        Shopper shopper = shopper(api, 250);
        List<Callable<String>> attempts = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            attempts.add(exchange(api, shopper, itemId));
        }

        List<String> outcomes = AtOnce.run(attempts);

        assertThat(outcomes).filteredOn("DONE"::equals).hasSize(2);
        assertThat(outcomes).filteredOn(o -> !o.equals("DONE")).containsOnly("POINTS_INSUFFICIENT");
        assertThat(points.balance(shopper.memberId())).isEqualTo(50);
        assertThat(jdbc.queryForObject("SELECT stock_left FROM points_mall_item WHERE id = ?", Integer.class, Long.valueOf(itemId)))
                .as("refused exchanges took no stock").isEqualTo(98);
        assertThat(jdbc.queryForObject("SELECT used FROM points_mall_quota WHERE item_id = ? AND member_id = ?", Integer.class,
                Long.valueOf(itemId), shopper.memberId())).isEqualTo(2);
        assertThat(api.get("/api/points-mall/exchanges", shopper.token()).body().path("total").asInt()).isEqualTo(2);
    }

    @Test
    void aCouponPromotionRefusesGivesThePointsStockAndAllowanceBack() {
        MemberApi api = new MemberApi(http);
        String merchant = merchant(api);
        String itemId = item(api, merchant, couponTemplate(CouponTemplate.Channel.CLAIM_CENTRE), 100, 5, 1);
        Shopper shopper = shopper(api, 100);

        MemberApi.Reply refused = api.postOnce("/api/points-mall/" + itemId + "/exchange", shopper.token(), null);

        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).as("promotion-service's own code, relayed").isEqualTo("COUPON_NOT_CLAIMABLE");
        assertThat(points.balance(shopper.memberId())).isEqualTo(100);
        assertThat(jdbc.queryForObject("SELECT stock_left FROM points_mall_item WHERE id = ?", Integer.class, Long.valueOf(itemId))).isEqualTo(5);
        assertThat(jdbc.queryForObject("SELECT status FROM points_exchange WHERE member_id = ?", String.class, shopper.memberId())).isEqualTo("FAILED");
        assertThat(jdbc.queryForObject("SELECT used FROM points_mall_quota WHERE item_id = ? AND member_id = ?", Integer.class,
                Long.valueOf(itemId), shopper.memberId())).isZero();

        Map<String, Object> noTemplate = new HashMap<>(Map.of("name", "坏商品", "kind", "COUPON", "pointsPrice", 10, "stock", 1, "perMemberLimit", 1));
        MemberApi.Reply invalid = api.post("/admin/points-mall/items", merchant, noTemplate);
        assertThat(invalid.status()).isEqualTo(422);
        assertThat(invalid.code()).isEqualTo("ITEM_INVALID");
        assertThat(api.post("/admin/points-mall/items", shopper.token(), noTemplate).status()).isEqualTo(403);
        assertThat(api.call(org.springframework.http.HttpMethod.PUT, "/admin/points-mall/items/" + itemId + "/shelf", merchant,
                Map.of("status", "OFF_SHELF")).text("status")).isEqualTo("OFF_SHELF");
        assertThat(api.postOnce("/api/points-mall/" + itemId + "/exchange", shopper.token(), null).code()).isEqualTo("ITEM_OFF_SHELF");
        assertThat(api.postOnce("/api/points-mall/424242/exchange", shopper.token(), null).status()).isEqualTo(404);
        assertThat(api.get("/api/points-mall/items", null).status()).as("the shelf is public").isEqualTo(200);
        assertThat(api.postOnce("/api/points-mall/" + itemId + "/exchange", null, null).status()).as("exchanging is not").isEqualTo(401);
    }

    @Test
    void anItemCreatedAgainWithItsKeyIsCreatedOnce() {
        MemberApi api = new MemberApi(http);
        String merchant = merchant(api);
        String name = "重试兑换-" + UUID.randomUUID().toString().substring(0, 6);
        Map<String, Object> item = Map.of("name", name, "kind", "COUPON", "couponTemplateId", couponTemplate(CouponTemplate.Channel.SYSTEM),
                "pointsPrice", 10, "stock", 5, "perMemberLimit", 1);
        String key = UUID.randomUUID().toString();
        MemberApi.Reply first = api.call(org.springframework.http.HttpMethod.POST, "/admin/points-mall/items", merchant, item, key);
        MemberApi.Reply retried = api.call(org.springframework.http.HttpMethod.POST, "/admin/points-mall/items", merchant, item, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retried.text("id")).isEqualTo(first.text("id"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_mall_item WHERE name = ?", Integer.class, name)).isEqualTo(1);
    }
}
