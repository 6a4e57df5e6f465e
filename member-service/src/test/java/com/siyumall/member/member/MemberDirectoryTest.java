package com.siyumall.member.member;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** The merchant's member list: each filter keeps exactly the members it names, and only merchant accounts may read it. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class MemberDirectoryTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    MemberApi api;

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private String member(String nickname, String phone, String level) {
        String id = api.wechatLogin(MemberApi.newWechatUser()).text("memberId");
        jdbc.update("UPDATE member SET nickname = ?, phone = ?, level_code = ? WHERE id = ?", nickname, phone, level, Long.valueOf(id));
        return id;
    }

    private List<String> ids(String query) {
        MemberApi.Reply reply = api.get("/admin/members?size=100" + query, TestTokens.merchant(1));
        assertThat(reply.status()).as(query + ": " + reply.body()).isEqualTo(200);
        return reply.body().path("items").findValuesAsText("memberId");
    }

    @Test
    void eachFilterKeepsExactlyTheMembersItNames() {
        String mark = UUID.randomUUID().toString().substring(0, 6);
        String phonePrefix = "139" + String.format("%04d", ThreadLocalRandom.current().nextInt(10_000));
        String lin = member("林" + mark, phonePrefix + "0001", "V2");
        String wang = member("王" + mark, phonePrefix + "0002", "V1");
        String zhao = member("赵" + mark, "13700000000", "V2");
        long guideId = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        jdbc.update("INSERT INTO guide_binding (member_id, guide_id, store_id, source, bound_at, created_at, updated_at) "
                + "VALUES (?, ?, 7, 'SERVED', NOW(3), NOW(3), NOW(3))", Long.valueOf(wang), guideId);
        String tag = "vip-" + mark;
        assertThat(api.call(HttpMethod.PUT, "/admin/members/" + zhao + "/tags", TestTokens.merchant(1), Map.of("tags", List.of(tag))).status())
                .isEqualTo(200);

        assertThat(ids("&keyword=" + mark)).as("any part of the nickname").containsExactly(zhao, wang, lin);
        assertThat(ids("&keyword=" + phonePrefix)).as("the phone's beginning").containsExactlyInAnyOrder(lin, wang);
        assertThat(ids("&keyword=" + mark + "&level=V2")).containsExactlyInAnyOrder(lin, zhao);
        assertThat(ids("&tag=" + tag)).containsExactly(zhao);
        assertThat(ids("&guideId=" + guideId)).containsExactly(wang);

        JsonNode row = api.get("/admin/members?guideId=" + guideId, TestTokens.merchant(1)).body().path("items").get(0);
        assertThat(row.path("guideId").asText()).as("the guide the member is bound to now").isEqualTo(Long.toString(guideId));
        assertThat(row.path("storeId").asText()).isEqualTo("7");
        assertThat(row.path("phone").asText()).as("whole, for the merchant").isEqualTo(phonePrefix + "0002");
        assertThat(row.path("memberId").isTextual()).as("ids travel as strings").isTrue();
    }

    @Test
    void itPagesAndRefusesBadFiltersAndEveryoneButMerchantAccounts() {
        String mark = UUID.randomUUID().toString().substring(0, 6);
        for (int i = 0; i < 3; i++) {
            member("页" + mark + i, null, "V0");
        }
        MemberApi.Reply page = api.get("/admin/members?keyword=" + mark + "&page=2&size=2", TestTokens.merchant(1));
        assertThat(page.body().path("total").asLong()).isEqualTo(3);
        assertThat(page.body().path("items")).hasSize(1);

        MemberApi.Reply bad = api.get("/admin/members?level=" + "x".repeat(40), TestTokens.merchant(1));
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.get("/admin/members?size=1000", TestTokens.merchant(1)).status()).isEqualTo(400);
        assertThat(api.get("/admin/members", TestTokens.shopper(42)).status()).isEqualTo(403);
        assertThat(api.get("/admin/members", TestTokens.guide(42, 7)).status()).isEqualTo(403);
        assertThat(api.get("/admin/members", null).status()).isEqualTo(401);
    }

    @Test
    void aMembersCardAndPointsLedgerAreTheMerchantsToReadAndNobodyElses() {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        String memberId = login.text("memberId");
        MemberApi.Reply checkIn = api.post("/api/check-ins", login.text("accessToken"), null);
        assertThat(checkIn.status()).isEqualTo(200);
        long awarded = checkIn.body().path("pointsAwarded").asLong();
        assertThat(awarded).as("the default check-in rules award points").isPositive();
        jdbc.update("UPDATE member SET paid_order_count = 3, paid_amount = 45900 WHERE id = ?", Long.valueOf(memberId));

        MemberApi.Reply card = api.get("/admin/members/" + memberId, TestTokens.operator(1));
        assertThat(card.status()).as(card.body().toString()).isEqualTo(200);
        assertThat(card.text("memberId")).isEqualTo(memberId);
        assertThat(card.body().path("points").asLong()).isEqualTo(awarded);
        assertThat(card.body().path("paidOrderCount").asInt()).isEqualTo(3);
        assertThat(card.body().path("paidAmount").asLong()).isEqualTo(45_900);
        assertThat(card.text("levelName")).isNotBlank();
        assertThat(card.body().path("lastLoginAt").isTextual()).isTrue();

        MemberApi.Reply ledger = api.get("/admin/members/" + memberId + "/points-ledger", TestTokens.merchant(1));
        assertThat(ledger.body().path("total").asLong()).isEqualTo(1);
        assertThat(ledger.body().path("items").get(0).path("change").asLong()).isEqualTo(awarded);
        assertThat(ledger.body().path("items").get(0).path("balance").asLong()).isEqualTo(awarded);

        assertThat(api.get("/admin/members/123", TestTokens.merchant(1)).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/admin/members/123/points-ledger", TestTokens.merchant(1)).code()).isEqualTo("MEMBER_NOT_FOUND");
        assertThat(api.get("/admin/members/" + memberId, login.text("accessToken")).status()).isEqualTo(403);
        assertThat(api.get("/admin/members/" + memberId + "/points-ledger", TestTokens.guide(1, 1)).status()).isEqualTo(403);
    }
}
