package com.siyumall.member.auth;

import com.siyumall.common.persistence.RedisKeys;
import com.siyumall.common.security.MallSecurityProperties;
import com.siyumall.common.security.PemKeys;
import com.siyumall.common.security.Role;
import com.siyumall.common.security.SessionRevocations;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.MemberApi;
import com.siyumall.member.merchant.MerchantAccountService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Let no one in who was let go: disabling, moving and logging out void access tokens, not only refresh tokens. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class SessionRevocationTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    MerchantAccountService accounts;
    @Autowired
    AccessRevocations accessRevocations;
    @Autowired
    StringRedisTemplate redis;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    RedisKeys keys;
    @Autowired
    MallSecurityProperties security;
    MemberApi api;
    String merchant = TestTokens.merchant(1);

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private record Operator(String username, MemberApi.Reply login) {
        String text(String field) {
            return login.text(field);
        }
    }

    private Operator newOperator() {
        String username = "op-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT_OPERATOR, null);
        return new Operator(username, api.merchantLogin(username, "right-password"));
    }

    private String newStore() {
        return api.post("/admin/stores", merchant, Map.of("name", "Revocation store", "address", "1 Test road",
                "latitude", 31.2, "longitude", 121.4, "opensAt", "10:00", "closesAt", "22:00")).text("storeId");
    }

    @Test
    void aDisabledOperatorsAccessTokenStopsWorkingAndALoginAfterEnablingWorksAgain() {
        Operator operator = newOperator();
        String token = operator.text("accessToken");
        assertThat(api.get("/admin/stores", token).status()).isEqualTo(200);

        api.post("/admin/accounts/" + operator.text("accountId") + "/disable", merchant, null);

        MemberApi.Reply refused = api.get("/admin/stores", token);
        assertThat(refused.status()).isEqualTo(401);
        assertThat(refused.code()).isEqualTo("UNAUTHENTICATED");
        api.post("/admin/accounts/" + operator.text("accountId") + "/enable", merchant, null);
        assertThat(api.get("/admin/stores", token).status()).as("enabling does not revive old tokens").isEqualTo(401);
        String fresh = api.merchantLogin(operator.username(), "right-password").text("accessToken");
        assertThat(api.get("/admin/stores", fresh).status()).isEqualTo(200);
    }

    @Test
    void aDisabledGuideCanNoLongerReachTheirCustomers() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        String guideId = api.post("/admin/guides", merchant, Map.of("username", username, "password", "guide-pass-1",
                "name", "Leaving", "storeId", newStore())).text("guideId");
        String token = api.post("/guide/auth/login", null, Map.of("username", username, "password", "guide-pass-1")).text("accessToken");
        assertThat(api.get("/guide/customers", token).status()).isEqualTo(200);

        api.post("/admin/guides/" + guideId + "/disable", merchant, null);

        assertThat(api.get("/guide/customers", token).status()).isEqualTo(401);
    }

    @Test
    void aMovedGuidesOldTokenStopsAndTheRefreshedOneNamesTheNewStore() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        String guideId = api.post("/admin/guides", merchant, Map.of("username", username, "password", "guide-pass-1",
                "name", "Mover", "storeId", newStore())).text("guideId");
        MemberApi.Reply login = api.post("/guide/auth/login", null, Map.of("username", username, "password", "guide-pass-1"));
        String otherStore = newStore();

        api.post("/admin/guides/" + guideId + "/move", merchant, Map.of("storeId", otherStore));

        assertThat(api.get("/guide/customers", login.text("accessToken")).status()).isEqualTo(401);
        MemberApi.Reply refreshed = api.post("/guide/auth/refresh", null, Map.of("refreshToken", login.text("refreshToken")));
        assertThat(refreshed.text("storeId")).isEqualTo(otherStore);
        assertThat(api.get("/guide/customers", refreshed.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void aPasswordChangeEndsEverySessionOfTheAccountAndAnswersTheCallersNewPair() {
        Operator operator = newOperator();
        MemberApi.Reply otherDevice = api.merchantLogin(operator.username(), "right-password");
        String token = operator.text("accessToken");

        MemberApi.Reply wrong = api.call(HttpMethod.PUT, "/admin/auth/password", token,
                Map.of("currentPassword", "not-my-password", "newPassword", "brand-new-pass"));
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM merchant_account WHERE username = ?", Integer.class,
                operator.username())).as("a wrong current password counts towards the lock").isEqualTo(1);
        MemberApi.Reply tooLong = api.call(HttpMethod.PUT, "/admin/auth/password", token,
                Map.of("currentPassword", "right-password", "newPassword", "x".repeat(73)));
        MemberApi.Reply changed = api.call(HttpMethod.PUT, "/admin/auth/password", token,
                Map.of("currentPassword", "right-password", "newPassword", "brand-new-pass"));

        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(tooLong.code()).isEqualTo("VALIDATION_FAILED");
        assertThat(changed.status()).isEqualTo(200);
        assertThat(api.get("/admin/stores", token).status()).isEqualTo(401);
        assertThat(api.get("/admin/stores", otherDevice.text("accessToken")).status()).isEqualTo(401);
        assertThat(api.post("/admin/auth/refresh", null, Map.of("refreshToken", otherDevice.text("refreshToken"))).status()).isEqualTo(401);
        assertThat(api.get("/admin/stores", changed.text("accessToken")).status()).isEqualTo(200);
        assertThat(api.merchantLogin(operator.username(), "right-password").code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(api.merchantLogin(operator.username(), "brand-new-pass").status()).isEqualTo(200);
    }

    @Test
    void aGuideChangesTheirPasswordAndTheOldTokenStops() {
        String username = "g-" + UUID.randomUUID().toString().substring(0, 8);
        api.post("/admin/guides", merchant, Map.of("username", username, "password", "guide-pass-1", "name", "Careful", "storeId", newStore()));
        String token = api.post("/guide/auth/login", null, Map.of("username", username, "password", "guide-pass-1")).text("accessToken");

        MemberApi.Reply changed = api.call(HttpMethod.PUT, "/guide/auth/password", token,
                Map.of("currentPassword", "guide-pass-1", "newPassword", "guide-pass-2"));

        assertThat(api.get("/guide/customers", token).status()).isEqualTo(401);
        assertThat(api.get("/guide/customers", changed.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void aLogoutEndsThatLoginAndNoOther() {
        String user = MemberApi.newWechatUser();
        MemberApi.Reply phone = api.wechatLogin(user);
        MemberApi.Reply tablet = api.wechatLogin(user);

        assertThat(api.post("/api/auth/logout", null, Map.of("refreshToken", phone.text("refreshToken"))).status()).isEqualTo(204);

        assertThat(api.get("/api/members/me", phone.text("accessToken")).status()).isEqualTo(401);
        assertThat(api.get("/api/members/me", tablet.text("accessToken")).status()).isEqualTo(200);
    }

    @Test
    void aRefreshTokenIsRefusedOutsideItsRealmAndStillWorksInIt() {
        MemberApi.Reply shopper = api.wechatLogin(MemberApi.newWechatUser());
        Operator operator = newOperator();
        Map<String, String> shopperRefresh = Map.of("refreshToken", shopper.text("refreshToken"));
        Map<String, String> operatorRefresh = Map.of("refreshToken", operator.text("refreshToken"));

        assertThat(api.post("/admin/auth/refresh", null, shopperRefresh).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(api.post("/guide/auth/refresh", null, shopperRefresh).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(api.post("/api/auth/refresh", null, operatorRefresh).code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(api.post("/admin/auth/logout", null, shopperRefresh).status()).isEqualTo(204);

        MemberApi.Reply renewed = api.post("/api/auth/refresh", null, shopperRefresh);
        assertThat(renewed.status()).as("a try elsewhere neither used nor revoked it").isEqualTo(200);
        assertThat(renewed.text("role")).isEqualTo("SHOPPER");
        assertThat(api.post("/admin/auth/refresh", null, operatorRefresh).text("role")).isEqualTo("MERCHANT_OPERATOR");
    }

    @Test
    void aRevocationOutlivesAFlushedRedis() {
        Operator operator = newOperator();
        api.post("/admin/accounts/" + operator.text("accountId") + "/disable", merchant, null);
        redis.delete(keys.key("auth:revocations"));

        accessRevocations.rewrite();

        // a process started after the flush learns the revocation from Redis alone
        try (SessionRevocations freshProcess = new SessionRevocations(redis, keys, security.getJwt().getAccessTokenTtl(),
                Duration.ofHours(1), Clock.systemUTC())) {
            freshProcess.read();
            assertThat(freshProcess.revoked(verifiedOnly(operator.text("accessToken")))).isTrue();
        }
    }

    private Jwt verifiedOnly(String token) {
        return NimbusJwtDecoder.withPublicKey(PemKeys.publicKey(security.getJwt().getPublicKey())).build().decode(token);
    }
}
