package com.siyumall.member.member;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.devstack.wechat.WechatSandbox;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class WechatLoginTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    MemberApi api;

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private int registeredEventsOf(String memberId) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberRegistered' AND event_key = ?",
                Integer.class, memberId);
    }

    @Test
    void theFirstLoginRecordsTheSourceForGoodAndLaterLoginsOnlyMoveTheLatestTouch() {
        String user = MemberApi.newWechatUser();
        MemberApi.Reply first = api.wechatLogin(user, "scene", 1047, "channel", "poster-spring");
        assertThat(first.status()).isEqualTo(200);
        assertThat(first.body().path("newMember").asBoolean()).isTrue();
        assertThat(first.text("accessToken")).isNotBlank();
        assertThat(first.text("refreshToken")).isNotBlank();
        assertThat(first.body().path("expiresIn").asLong()).isPositive();
        String memberId = first.text("memberId");
        assertThat(first.body().path("memberId").isTextual()).as("ids travel as strings").isTrue();

        MemberApi.Reply again = api.wechatLogin(user, "scene", 1001, "channel", "search");
        assertThat(again.body().path("newMember").asBoolean()).isFalse();
        assertThat(again.text("memberId")).isEqualTo(memberId);

        MemberApi.Reply me = api.get("/api/members/me", again.text("accessToken"));
        assertThat(me.status()).isEqualTo(200);
        assertThat(me.body().path("source").path("scene").asInt()).isEqualTo(1047);
        assertThat(me.body().path("source").path("channel").asText()).isEqualTo("poster-spring");
        assertThat(me.text("levelCode")).isEqualTo("V0");
        assertThat(me.body().path("points").asLong()).isZero();
        Map<String, Object> latest = jdbc.queryForMap("SELECT last_scene, last_channel FROM member WHERE id = ?", Long.valueOf(memberId));
        assertThat(latest).containsEntry("last_scene", 1001).containsEntry("last_channel", "search");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_login WHERE member_id = ?", Integer.class, Long.valueOf(memberId)))
                .isEqualTo(2);
        assertThat(registeredEventsOf(memberId)).isEqualTo(1);
        assertThat(jdbc.queryForList("SELECT JSON_VALUE(body, '$.payload.newMember') FROM outbox_event WHERE event_type = 'MemberLoggedIn' "
                + "AND event_key = ? ORDER BY id", String.class, memberId)).as("each login announced, the first as a new member's")
                .containsExactly("1", "0");
    }

    @Test
    void anInviterIsKeptOnlyWhenTheyAreARealMember() {
        String inviter = api.wechatLogin(MemberApi.newWechatUser()).text("memberId");
        MemberApi.Reply invited = api.wechatLogin(MemberApi.newWechatUser(), "inviterId", inviter);
        MemberApi.Reply bogus = api.wechatLogin(MemberApi.newWechatUser(), "inviterId", "123456789");

        assertThat(api.get("/api/members/me", invited.text("accessToken")).body().path("source").path("inviterId").asText())
                .isEqualTo(inviter);
        assertThat(api.get("/api/members/me", bogus.text("accessToken")).body().path("source").has("inviterId")).isFalse();
    }

    @Test
    void anUnknownOrReusedWechatCodeIsAClear400() {
        MemberApi.Reply unknown = api.post("/api/auth/wechat-login", null, Map.of("code", "not-a-real-code"));
        assertThat(unknown.status()).isEqualTo(400);
        assertThat(unknown.code()).isEqualTo("WECHAT_CODE_INVALID");

        String code = "demo-" + MemberApi.newWechatUser();
        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", code)).status()).isEqualTo(200);
        MemberApi.Reply reused = api.post("/api/auth/wechat-login", null, Map.of("code", code));
        assertThat(reused.status()).isEqualTo(400);
        assertThat(reused.code()).isEqualTo("WECHAT_CODE_USED");

        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", "")).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", "demo-x", "scene", 12)).code()).isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", "demo-" + MemberApi.newWechatUser(), "appId", "wxnotours"))
                .code()).isEqualTo("UNKNOWN_MINI_PROGRAM");
    }

    @Test
    void aCodeThatCouldEndOrExtendWechatsUrlIsRefusedBeforeWechatIsAsked() {
        String user = MemberApi.newWechatUser();
        for (String code : new String[] {"demo-" + user + "&grant_type=x", "demo-" + user + "#x", "demo-" + user + " x",
                "demo-" + user + "\"", "demo-" + user + "'", "demo-" + user + "\u0000", "demo-" + user + "%26a=b", "demo-" + user + "/../x"}) {
            MemberApi.Reply refused = api.post("/api/auth/wechat-login", null, Map.of("code", code));
            assertThat(refused.status()).as(code).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("code");
        }
        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", "demo-" + user, "appId", "wx&x=1")).code())
                .isEqualTo("VALIDATION_FAILED");
        assertThat(api.post("/api/auth/wechat-login", null, Map.of("code", "demo-" + user)).text("newMember"))
                .as("none of the refused codes reached the sandbox and registered the user").isEqualTo("true");
    }

    @Test
    void concurrentFirstLoginsOfOneWechatUserCreateExactlyOneMember() throws Exception {
        String user = MemberApi.newWechatUser();
        int logins = 12;
        ExecutorService pool = Executors.newFixedThreadPool(logins);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberApi.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < logins; i++) {
            Callable<MemberApi.Reply> login = () -> {
                start.await();
                return api.wechatLogin(user);
            };
            replies.add(pool.submit(login));
        }
        start.countDown();
        List<MemberApi.Reply> done = new ArrayList<>();
        for (Future<MemberApi.Reply> reply : replies) {
            done.add(reply.get());
        }
        pool.shutdown();

        assertThat(done).allSatisfy(r -> assertThat(r.status()).isEqualTo(200));
        assertThat(done.stream().map(r -> r.text("memberId")).distinct()).hasSize(1);
        assertThat(done.stream().filter(r -> r.body().path("newMember").asBoolean())).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member WHERE unionid = ?", Integer.class, WechatSandbox.unionIdOf(user)))
                .isEqualTo(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM member_wechat_identity WHERE openid = ?", Integer.class,
                WechatSandbox.openIdOf(user))).isEqualTo(1);
        assertThat(registeredEventsOf(done.get(0).text("memberId"))).isEqualTo(1);
    }

    @Test
    void theBrandsOtherMiniProgramLogsIntoTheSameMemberByUnionid() {
        String user = MemberApi.newWechatUser();
        MemberApi.Reply main = api.wechatLogin(user, "channel", "main-app");
        MemberApi.Reply other = api.wechatLogin(user, "appId", WechatSandbox.SECOND_APP_ID, "channel", "other-app");

        assertThat(other.status()).isEqualTo(200);
        assertThat(other.text("memberId")).isEqualTo(main.text("memberId"));
        assertThat(other.body().path("newMember").asBoolean()).isFalse();
        assertThat(jdbc.queryForList("SELECT openid FROM member_wechat_identity WHERE member_id = ?", String.class,
                Long.valueOf(main.text("memberId"))))
                .containsExactlyInAnyOrder(WechatSandbox.openIdOf(user), WechatSandbox.secondAppOpenIdOf(user));
    }

    @Test
    void aMemberBindsTheirPhoneOnceAndNobodyElseCanTakeTheNumber() {
        String digits = "139" + String.valueOf(System.nanoTime()).substring(0, 8);
        MemberApi.Reply alice = api.wechatLogin(MemberApi.newWechatUser());
        MemberApi.Reply bob = api.wechatLogin(MemberApi.newWechatUser());

        MemberApi.Reply bound = api.post("/api/members/me/phone", alice.text("accessToken"), Map.of("code", "phone-" + digits));
        assertThat(bound.status()).isEqualTo(200);
        assertThat(bound.text("phone")).isEqualTo(digits);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberPhoneBound' AND event_key = ?",
                Integer.class, alice.text("memberId"))).isEqualTo(1);

        MemberApi.Reply taken = api.post("/api/members/me/phone", bob.text("accessToken"), Map.of("code", "phone-" + digits + ".bob"));
        assertThat(taken.status()).isEqualTo(409);
        assertThat(taken.code()).isEqualTo("PHONE_IN_USE");
        assertThat(api.get("/api/members/me", bob.text("accessToken")).body().has("phone")).isFalse();

        MemberApi.Reply badCode = api.post("/api/members/me/phone", bob.text("accessToken"), Map.of("code", "nonsense"));
        assertThat(badCode.status()).isEqualTo(400);
        assertThat(badCode.code()).isEqualTo("WECHAT_CODE_INVALID");
    }

    @Test
    void aMemberEditsOnlyTheirOwnProfileAndTheBirthdayOnlyOnce() {
        MemberApi.Reply alice = api.wechatLogin(MemberApi.newWechatUser());
        MemberApi.Reply bob = api.wechatLogin(MemberApi.newWechatUser());

        MemberApi.Reply edited = api.call(HttpMethod.PATCH, "/api/members/me", alice.text("accessToken"),
                Map.of("nickname", "Alice", "gender", "FEMALE", "birthday", "1995-03-08", "memberId", bob.text("memberId")));
        assertThat(edited.status()).isEqualTo(200);
        assertThat(edited.text("nickname")).isEqualTo("Alice");
        assertThat(edited.text("memberId")).isEqualTo(alice.text("memberId"));
        assertThat(api.get("/api/members/me", bob.text("accessToken")).body().has("nickname")).isFalse();

        MemberApi.Reply secondBirthday = api.call(HttpMethod.PATCH, "/api/members/me", alice.text("accessToken"), Map.of("birthday", "1996-01-01"));
        assertThat(secondBirthday.status()).isEqualTo(409);
        assertThat(secondBirthday.code()).isEqualTo("BIRTHDAY_ALREADY_SET");
        MemberApi.Reply badAvatar = api.call(HttpMethod.PATCH, "/api/members/me", alice.text("accessToken"), Map.of("avatarUrl", "javascript:alert(1)"));
        assertThat(badAvatar.status()).isEqualTo(400);

        assertThat(api.get("/api/members/" + bob.text("memberId"), alice.text("accessToken")).status()).isEqualTo(404);
        assertThat(api.get("/api/members/me", null).status()).isEqualTo(401);
    }
}
