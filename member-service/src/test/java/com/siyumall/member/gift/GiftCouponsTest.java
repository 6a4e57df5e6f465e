package com.siyumall.member.gift;

import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.growth.MemberLevel;
import com.siyumall.member.merchant.MerchantAccountService;
import com.siyumall.member.support.PromotionBeside;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coupons member-service gives through the real promotion-service: the open-card gift's and the birthday one. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class GiftCouponsTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MerchantAccountService accounts;
    @Autowired
    GrowthService growth;

    @BeforeAll
    static void promotionServiceBeside() {
        PromotionBeside.start();
    }

    private static long template(String name) {
        return PromotionBeside.bean(CouponService.class).create(CouponTemplate.define(name, CouponTemplate.Type.NO_THRESHOLD, 0, 500L,
                null, null, CouponTemplate.Scope.ALL, List.of(), null, null, 30, 1_000, 3, Set.of(CouponTemplate.Channel.SYSTEM)), 1).getId();
    }

    private static List<Long> couponsOf(long memberId, long templateId) {
        return PromotionBeside.bean(JdbcTemplate.class).queryForList(
                "SELECT id FROM coupon WHERE member_id = ? AND template_id = ?", Long.class, memberId, templateId);
    }

    private String merchant(MemberApi api) {
        String username = "gift-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT, null);
        return api.merchantLogin(username, "right-password").text("accessToken");
    }

    @Test
    void theOpenCardGiftsCouponComesOnceWithItsPointsHoweverOftenAPhoneIsBound() {
        MemberApi api = new MemberApi(http);
        String merchant = merchant(api);
        long templateId = template("开卡礼券");
        Map<String, Object> before = new HashMap<>(Map.of("triggerOn", "PHONE_BOUND", "points", 100, "growth", 10, "enabled", true));
        Map<String, Object> withCoupon = new HashMap<>(before);
        withCoupon.put("couponTemplateId", templateId);
        assertThat(api.call(HttpMethod.PUT, "/admin/growth-rules/open-card-gift", merchant, withCoupon).status()).isEqualTo(200);
        try {
            MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
            long memberId = Long.parseLong(member.text("memberId"));
            api.post("/api/members/me/phone", member.text("accessToken"), Map.of("code", "phone-139" + String.valueOf(System.nanoTime()).substring(0, 8)));
            api.post("/api/members/me/phone", member.text("accessToken"), Map.of("code", "phone-137" + String.valueOf(System.nanoTime()).substring(0, 8)));

            await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                    "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-open-card-phone' AND event_id IN "
                            + "(SELECT event_id FROM outbox_event WHERE event_type = 'MemberPhoneBound' AND event_key = ?)",
                    Integer.class, Long.toString(memberId)) == 2);
            assertThat(couponsOf(memberId, templateId)).hasSize(1);
            assertThat(jdbc.queryForObject("SELECT coupon_id FROM open_card_gift_given WHERE member_id = ?", Long.class, memberId))
                    .isEqualTo(couponsOf(memberId, templateId).get(0));
        } finally {
            api.call(HttpMethod.PUT, "/admin/growth-rules/open-card-gift", merchant, before);
        }
    }

    @Test
    void aMemberGetsTheirLevelsBirthdayCouponOnTheirBirthdayOnceAYear() {
        MemberApi api = new MemberApi(http);
        String merchant = merchant(api);
        long templateId = template("生日礼券");
        MemberLevel entry = growth.ladder().byCode(MemberLevel.ENTRY);
        growth.saveLevel(new MemberLevel(entry.code(), entry.name(), 0, entry.discountPercent(), entry.pointsMultiplierPercent(),
                entry.freeShipping(), entry.upgradeCouponTemplateIds(), templateId));
        try {
            LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
            MemberApi.Reply celebrant = api.wechatLogin(MemberApi.newWechatUser());
            api.call(HttpMethod.PATCH, "/api/members/me", celebrant.text("accessToken"), Map.of("birthday", today.withYear(1990)
                    .withDayOfMonth(Math.min(today.getDayOfMonth(), 28)).toString()));
            MemberApi.Reply other = api.wechatLogin(MemberApi.newWechatUser());
            api.call(HttpMethod.PATCH, "/api/members/me", other.text("accessToken"), Map.of("birthday", today.minusMonths(3).withYear(1991).toString()));
            String day = today.withDayOfMonth(Math.min(today.getDayOfMonth(), 28)).toString();

            MemberApi.Reply first = api.post("/admin/growth-rules/birthday-coupons/run?day=" + day, merchant, null);
            MemberApi.Reply second = api.post("/admin/growth-rules/birthday-coupons/run?day=" + day, merchant, null);

            assertThat(first.status()).isEqualTo(200);
            assertThat(first.body().path("couponsGiven").asInt()).isPositive();
            assertThat(second.body().path("couponsGiven").asInt()).as("the same day again gives nothing").isZero();
            assertThat(couponsOf(Long.parseLong(celebrant.text("memberId")), templateId)).hasSize(1);
            assertThat(couponsOf(Long.parseLong(other.text("memberId")), templateId)).as("not their birthday").isEmpty();
            assertThat(api.post("/admin/growth-rules/birthday-coupons/run", celebrant.text("accessToken"), null).status()).isEqualTo(403);
        } finally {
            growth.saveLevel(entry);
        }
    }
}
