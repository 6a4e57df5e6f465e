package com.siyumall.member.binding;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class GuideCustomersTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    MemberApi api;
    final String merchant = TestTokens.merchant(1);
    String storeId;

    record Guide(String id, String token) {}

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
        storeId = api.post("/admin/stores", merchant, Map.of("name", "Binding store", "address", "1 Test road",
                "latitude", 31.2, "longitude", 121.4, "opensAt", "10:00", "closesAt", "22:00")).text("storeId");
    }

    @AfterEach
    void restoreDefaultProtection() {
        api.call(HttpMethod.PUT, "/admin/guides/binding-policy", merchant, Map.of("protectionDays", 90));
    }

    private Guide newGuide() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        MemberApi.Reply created = api.post("/admin/guides", merchant, Map.of("username", username, "password", "guide-pass-1",
                "name", "Guide " + username, "storeId", storeId));
        assertThat(created.status()).isEqualTo(201);
        MemberApi.Reply login = api.post("/guide/auth/login", null, Map.of("username", username, "password", "guide-pass-1"));
        assertThat(login.status()).isEqualTo(200);
        assertThat(login.text("storeId")).isEqualTo(storeId);
        return new Guide(created.text("guideId"), login.text("accessToken"));
    }

    private List<String> customerIds(Guide guide) {
        MemberApi.Reply page = api.get("/guide/customers?size=100", guide.token());
        assertThat(page.status()).isEqualTo(200);
        return page.body().path("items").findValuesAsText("memberId");
    }

    private int boundEvents(String memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberBoundToGuide' AND event_key = ?",
                Integer.class, memberId);
    }

    @Test
    void aMemberWhoArrivesThroughAGuidesQrIsThatGuidesCustomerAndNobodyElses() {
        Guide mine = newGuide();
        Guide other = newGuide();
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser(), "guideId", mine.id(), "scene", 1047);
        String memberId = member.text("memberId");

        assertThat(customerIds(mine)).contains(memberId);
        assertThat(customerIds(other)).doesNotContain(memberId);
        MemberApi.Reply seen = api.get("/guide/customers/" + memberId, mine.token());
        assertThat(seen.status()).isEqualTo(200);
        assertThat(seen.text("source")).isEqualTo("QR_SCAN");
        assertThat(seen.text("lastVisitAt")).isNotBlank();
        MemberApi.Reply snooping = api.get("/guide/customers/" + memberId, other.token());
        assertThat(snooping.status()).isEqualTo(403);
        assertThat(snooping.code()).isEqualTo("NOT_YOUR_CUSTOMER");

        MemberApi.Reply me = api.get("/api/members/me", member.text("accessToken"));
        assertThat(me.text("guideId")).isEqualTo(mine.id());
        assertThat(me.text("storeId")).isEqualTo(storeId);
        assertThat(me.body().path("source").path("guideId").asText()).isEqualTo(mine.id());
        assertThat(boundEvents(memberId)).isEqualTo(1);
        assertThat(api.get("/guide/customers", member.text("accessToken")).status()).isEqualTo(403);
    }

    @Test
    void theFirstGuideKeepsTheMemberDuringProtectionAndLosesThemAfter() {
        Guide first = newGuide();
        Guide second = newGuide();
        String user = MemberApi.newWechatUser();
        String memberId = api.wechatLogin(user, "guideId", first.id()).text("memberId");

        api.wechatLogin(user, "guideId", second.id());
        assertThat(customerIds(first)).contains(memberId);
        MemberApi.Reply refused = api.post("/guide/customers", second.token(), Map.of("memberId", memberId));
        assertThat(refused.status()).isEqualTo(409);
        assertThat(refused.code()).isEqualTo("CUSTOMER_PROTECTED");

        assertThat(api.call(HttpMethod.PUT, "/admin/guides/binding-policy", merchant, Map.of("protectionDays", 0)).status()).isEqualTo(200);
        MemberApi.Reply takeover = api.post("/guide/customers", second.token(), Map.of("memberId", memberId));
        assertThat(takeover.text("outcome")).isEqualTo("TAKEN_OVER");
        assertThat(customerIds(second)).contains(memberId);
        assertThat(customerIds(first)).doesNotContain(memberId);
        assertThat(jdbc.queryForObject("SELECT from_guide_id FROM guide_binding_log WHERE member_id = ? AND to_guide_id = ?",
                Long.class, Long.valueOf(memberId), Long.valueOf(second.id()))).isEqualTo(Long.valueOf(first.id()));
    }

    @Test
    void aDepartingGuidesCustomersAllGoToAnotherGuideInOneCall() {
        Guide leaving = newGuide();
        Guide staying = newGuide();
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            members.add(api.wechatLogin(MemberApi.newWechatUser(), "guideId", leaving.id()).text("memberId"));
        }
        assertThat(api.post("/admin/guides/" + leaving.id() + "/disable", merchant, null).text("status")).isEqualTo("DISABLED");

        MemberApi.Reply handover = api.post("/admin/guides/" + leaving.id() + "/handover", merchant, Map.of("toGuideId", staying.id()));
        assertThat(handover.status()).isEqualTo(200);
        assertThat(handover.body().path("moved").asInt()).isEqualTo(3);
        assertThat(customerIds(staying)).containsAll(members);
        members.forEach(m -> assertThat(boundEvents(m)).isEqualTo(2));
        assertThat(api.post("/guide/auth/login", null, Map.of("username", "nobody", "password", "x")).status()).isEqualTo(401);

        assertThat(api.post("/admin/guides/" + staying.id() + "/handover", merchant, Map.of("toGuideId", leaving.id())).code())
                .isEqualTo("GUIDE_DISABLED");
        assertThat(api.post("/admin/guides/" + staying.id() + "/handover", merchant, Map.of("toGuideId", staying.id())).code())
                .isEqualTo("SAME_GUIDE");
    }

    @Test
    void guidesRacingForOneNewMemberLeaveExactlyOneBindingAndOneEvent() throws Exception {
        List<Guide> guides = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            guides.add(newGuide());
        }
        String memberId = api.wechatLogin(MemberApi.newWechatUser()).text("memberId");
        ExecutorService pool = Executors.newFixedThreadPool(guides.size());
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberApi.Reply>> replies = new ArrayList<>();
        for (Guide guide : guides) {
            replies.add(pool.submit(() -> {
                start.await();
                return api.post("/guide/customers", guide.token(), Map.of("memberId", memberId));
            }));
        }
        start.countDown();
        int bound = 0;
        for (Future<MemberApi.Reply> reply : replies) {
            MemberApi.Reply r = reply.get();
            if (r.status() == 200) {
                assertThat(r.text("outcome")).isEqualTo("BOUND");
                bound++;
            } else {
                assertThat(r.code()).isEqualTo("CUSTOMER_PROTECTED");
            }
        }
        pool.shutdown();

        assertThat(bound).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guide_binding WHERE member_id = ?", Integer.class, Long.valueOf(memberId))).isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guide_binding_log WHERE member_id = ?", Integer.class, Long.valueOf(memberId))).isEqualTo(1);
        assertThat(boundEvents(memberId)).isEqualTo(1);
    }

    @Test
    void aGuideMovedToAnotherStoreTakesTheNewStoreIntoTheirNextToken() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/admin/guides", merchant, Map.of("username", username, "password", "guide-pass-1", "name", "Mover", "storeId", storeId));
        MemberApi.Reply login = api.post("/guide/auth/login", null, Map.of("username", username, "password", "guide-pass-1"));
        String otherStore = api.post("/admin/stores", merchant, Map.of("name", "Second store", "address", "2 Test road",
                "latitude", 31.3, "longitude", 121.5, "opensAt", "10:00", "closesAt", "22:00")).text("storeId");

        MemberApi.Reply moved = api.post("/admin/guides/" + login.text("accountId") + "/move", merchant, Map.of("storeId", otherStore));
        assertThat(moved.text("storeId")).isEqualTo(otherStore);
        MemberApi.Reply refreshed = api.post("/guide/auth/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
        assertThat(refreshed.status()).isEqualTo(200);
        assertThat(refreshed.text("storeId")).isEqualTo(otherStore);

        api.post("/admin/stores/" + storeId + "/close", merchant, null);
        assertThat(api.post("/admin/guides/" + login.text("accountId") + "/move", merchant, Map.of("storeId", storeId)).code())
                .isEqualTo("STORE_CLOSED");
        api.post("/admin/stores/" + storeId + "/reopen", merchant, null);
    }

    @Test
    void aStaleQrOfADisabledGuideStillLogsTheMemberInWithoutBinding() {
        Guide gone = newGuide();
        api.post("/admin/guides/" + gone.id() + "/disable", merchant, null);
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser(), "guideId", gone.id());
        assertThat(member.status()).isEqualTo(200);
        assertThat(api.get("/api/members/me", member.text("accessToken")).body().has("guideId")).isFalse();
        assertThat(api.post("/guide/auth/refresh", null, Map.of("refreshToken", "x")).status()).isEqualTo(401);
    }

    @Test
    void aRetriedStoreOrGuideCreationAnswersTheFirstAndMakesNoSecond() {
        String key = UUID.randomUUID().toString();
        Map<String, Object> store = Map.of("name", "Retried store", "address", "2 Test road",
                "latitude", 31.2, "longitude", 121.4, "opensAt", "10:00", "closesAt", "22:00");
        MemberApi.Reply first = api.call(HttpMethod.POST, "/admin/stores", merchant, store, key);
        MemberApi.Reply retry = api.call(HttpMethod.POST, "/admin/stores", merchant, store, key);
        assertThat(first.status()).isEqualTo(201);
        assertThat(retry.status()).isEqualTo(201);
        assertThat(retry.text("storeId")).isEqualTo(first.text("storeId"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM store WHERE name = 'Retried store' AND id >= ?", Integer.class,
                Long.parseLong(first.text("storeId")))).isEqualTo(1);

        String guideKey = UUID.randomUUID().toString();
        Map<String, Object> guide = Map.of("username", "g-" + guideKey.substring(0, 8), "password", "guide-pass-1",
                "name", "Retried guide", "storeId", storeId);
        MemberApi.Reply hired = api.call(HttpMethod.POST, "/admin/guides", merchant, guide, guideKey);
        MemberApi.Reply again = api.call(HttpMethod.POST, "/admin/guides", merchant, guide, guideKey);
        assertThat(hired.status()).isEqualTo(201);
        // without the key the second call would be a 409 for the taken username: the retry answers the hire instead
        assertThat(again.status()).isEqualTo(201);
        assertThat(again.text("guideId")).isEqualTo(hired.text("guideId"));
        assertThat(api.post("/admin/guides", merchant, guide).status()).isEqualTo(409);
    }

    @Test
    void theMerchantsListFindsGuidesByAPartOfTheirUsernameOrNameNewestFirst() {
        Guide first = newGuide();
        Guide second = newGuide();
        MemberApi.Reply ofStore = api.get("/admin/guides?storeId=" + storeId, merchant);
        assertThat(ofStore.body().path("items").findValuesAsText("guideId")).containsExactly(second.id(), first.id());
        String username = api.get("/admin/guides/" + first.id(), merchant).text("username");
        assertThat(api.get("/admin/guides?keyword=" + username, merchant).body().path("items").findValuesAsText("guideId"))
                .containsExactly(first.id());
        assertThat(api.get("/admin/guides?keyword=Guide " + username, merchant).body().path("items").findValuesAsText("guideId"))
                .containsExactly(first.id());
    }
}
