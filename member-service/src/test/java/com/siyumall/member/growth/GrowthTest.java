package com.siyumall.member.growth;

import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import com.siyumall.member.merchant.MerchantAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class GrowthTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    GrowthService growth;
    @Autowired
    MerchantAccountService accounts;

    /** The same SILVER as the order-benefits test, so either may define it first. */
    private void silverAtHundred() {
        growth.saveLevel(new MemberLevel("SILVER", "银卡会员", 100, 0, 200, false, List.of(901L), null));
    }

    private long newMember(MemberApi api) {
        return Long.parseLong(api.wechatLogin(MemberApi.newWechatUser()).text("memberId"));
    }

    @Test
    void twentyGrantsAtOnceCrossTheThresholdOnceAndEveryGrantCounts() throws Exception {
        silverAtHundred();
        long memberId = newMember(new MemberApi(http));
        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> grants = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            String ref = "G" + i;
            grants.add(pool.submit(() -> {
                start.await();
                return growth.grant(memberId, 10, "TEST", ref) & !growth.grant(memberId, 10, "TEST", ref);
            }));
        }
        start.countDown();
        for (Future<Boolean> grant : grants) {
            assertThat(grant.get()).as("each cause grants once; its repeat nothing").isTrue();
        }
        pool.shutdown();

        assertThat(jdbc.queryForObject("SELECT growth_value FROM member WHERE id = ?", Long.class, memberId)).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT level_code FROM member WHERE id = ?", String.class, memberId)).isEqualTo("SILVER");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_level_change WHERE member_id = ?", Integer.class, memberId)).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberLevelChanged' AND event_key = ?",
                Integer.class, Long.toString(memberId))).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT growth_after FROM growth_entry WHERE member_id = ? ORDER BY growth_after", Long.class, memberId))
                .as("the ledger tells the growth after each grant").containsExactly(10L, 20L, 30L, 40L, 50L, 60L, 70L, 80L, 90L, 100L,
                        110L, 120L, 130L, 140L, 150L, 160L, 170L, 180L, 190L, 200L);
    }

    @Test
    void aMemberBroughtByAShareGrowsTheInviterOnce() {
        MemberApi api = new MemberApi(http);
        long inviter = newMember(api);
        api.wechatLogin(MemberApi.newWechatUser(), "inviterId", inviter);
        long perInvite = growth.rules().perInvitedMember();
        await().atMost(Duration.ofSeconds(30)).until(() ->
                jdbc.queryForObject("SELECT growth_value FROM member WHERE id = ?", Long.class, inviter) == perInvite);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM growth_entry WHERE member_id = ? AND reason = 'INVITE'", Integer.class, inviter))
                .isEqualTo(1);
    }

    @Test
    void theLadderRefusesLevelsThatWouldBreakIt() {
        MemberApi api = new MemberApi(http);
        silverAtHundred();
        String username = "ladder-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT, null);
        String merchant = api.merchantLogin(username, "right-password").text("accessToken");

        MemberApi.Reply taken = api.call(HttpMethod.PUT, "/admin/member-levels/GOLDX", merchant, Map.of("name", "金卡", "growthThreshold", 100));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("LEVEL_THRESHOLD_TAKEN");
        assertThat(growth.ladder().byCode("SILVER").name()).as("SILVER was not overwritten").isEqualTo("银卡会员");

        MemberApi.Reply entry = api.call(HttpMethod.PUT, "/admin/member-levels/V0", merchant, Map.of("name", "普通会员", "growthThreshold", 5));
        assertThat(entry.status()).isEqualTo(422);
        assertThat(entry.code()).isEqualTo("ENTRY_LEVEL_FIXED");

        MemberApi.Reply discount = api.call(HttpMethod.PUT, "/admin/member-levels/GOLDX", merchant,
                Map.of("name", "金卡", "growthThreshold", 1000, "discountPercent", 80));
        assertThat(discount.status()).isEqualTo(400);
        assertThat(discount.body().path("errors").get(0).path("field").asText()).isEqualTo("discountPercent");

        MemberApi.Reply inUse = api.call(HttpMethod.DELETE, "/admin/member-levels/V0", merchant, null);
        assertThat(inUse.code()).isEqualTo("ENTRY_LEVEL_FIXED");
        assertThat(api.call(HttpMethod.DELETE, "/admin/member-levels/NOPE", merchant, null).status()).isEqualTo(404);

        String shopper = api.wechatLogin(MemberApi.newWechatUser()).text("accessToken");
        assertThat(api.call(HttpMethod.PUT, "/admin/member-levels/GOLDX", shopper, Map.of("name", "金卡", "growthThreshold", 1000)).status())
                .isEqualTo(403);
        assertThat(api.get("/admin/member-levels", merchant).body().get(1).path("code").asText()).isEqualTo("SILVER");
    }

    @Test
    void aShopperSeesTheLadderWhereTheyStandAndWhatTheNextLevelTakes() {
        silverAtHundred();
        MemberApi api = new MemberApi(http);
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(login.text("memberId"));
        growth.grant(memberId, 40, "TEST", "ladder-" + memberId);
        List<String> codes = jdbc.queryForList("SELECT code FROM member_level ORDER BY growth_threshold", String.class);

        MemberApi.Reply mine = api.get("/api/members/me/levels", login.text("accessToken"));
        assertThat(mine.status()).isEqualTo(200);
        assertThat(mine.body().path("levels").findValuesAsText("code")).containsExactlyElementsOf(codes);
        String level = mine.text("levelCode");
        assertThat(level).isEqualTo(growth.levelOf(memberId).code());
        assertThat(mine.body().path("growthValue").asLong()).isEqualTo(40);
        int rank = codes.indexOf(level);
        for (int i = 0; i < codes.size(); i++) {
            com.fasterxml.jackson.databind.JsonNode step = mine.body().path("levels").get(i);
            assertThat(step.path("reached").asBoolean()).as(codes.get(i)).isEqualTo(i <= rank);
            assertThat(step.path("current").asBoolean()).as(codes.get(i)).isEqualTo(i == rank);
        }
        if (rank + 1 < codes.size()) {
            long threshold = jdbc.queryForObject("SELECT growth_threshold FROM member_level WHERE code = ?", Long.class, codes.get(rank + 1));
            assertThat(mine.text("nextLevelCode")).isEqualTo(codes.get(rank + 1));
            assertThat(mine.body().path("growthToNext").asLong()).isEqualTo(threshold - 40);
        } else {
            assertThat(mine.body().path("growthToNext").asLong()).isZero();
        }
    }
}
