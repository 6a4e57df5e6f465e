package com.siyumall.member.auth;

import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.SignedJWT;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class TokenLifecycleTest {
    @Autowired
    TestRestTemplate http;
    MemberApi api;

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private MemberApi.Reply refresh(String token) {
        return api.post("/api/auth/refresh", null, Map.of("refreshToken", token));
    }

    @Test
    void aRefreshTokenRotatesAndReplayingTheOldOneEndsTheWholeFamily() {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        MemberApi.Reply renewed = refresh(login.text("refreshToken"));
        assertThat(renewed.status()).isEqualTo(200);
        assertThat(renewed.text("memberId")).isEqualTo(login.text("memberId"));
        assertThat(renewed.text("refreshToken")).isNotEqualTo(login.text("refreshToken"));
        assertThat(api.get("/api/members/me", renewed.text("accessToken")).status()).isEqualTo(200);

        MemberApi.Reply replay = refresh(login.text("refreshToken"));
        assertThat(replay.status()).isEqualTo(401);
        assertThat(replay.code()).isEqualTo("REFRESH_TOKEN_REUSED");
        // the thief's replay also cut off the legitimate successor
        assertThat(refresh(renewed.text("refreshToken")).code()).isEqualTo("REFRESH_TOKEN_REUSED");
    }

    @Test
    void racingRefreshesOfOneTokenYieldAtMostOnePairAndEndTheFamily() throws Exception {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        int racers = 8;
        ExecutorService pool = Executors.newFixedThreadPool(racers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberApi.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < racers; i++) {
            futures.add(pool.submit(() -> {
                start.await();
                return refresh(login.text("refreshToken"));
            }));
        }
        start.countDown();
        List<MemberApi.Reply> replies = new ArrayList<>();
        for (Future<MemberApi.Reply> f : futures) {
            replies.add(f.get());
        }
        pool.shutdown();

        List<MemberApi.Reply> winners = replies.stream().filter(r -> r.status() == 200).toList();
        assertThat(winners).hasSizeLessThanOrEqualTo(1);
        assertThat(replies).filteredOn(r -> r.status() != 200)
                .allSatisfy(r -> assertThat(r.code()).isEqualTo("REFRESH_TOKEN_REUSED"));
        for (MemberApi.Reply winner : winners) {
            assertThat(refresh(winner.text("refreshToken")).status()).isEqualTo(401);
        }
    }

    @Test
    void logoutRevokesTheRefreshTokenAndUnknownTokensAreRefused() {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        assertThat(api.post("/api/auth/logout", null, Map.of("refreshToken", login.text("refreshToken"))).status()).isEqualTo(204);

        MemberApi.Reply afterLogout = refresh(login.text("refreshToken"));
        assertThat(afterLogout.status()).isEqualTo(401);
        assertThat(refresh("made-up-token").code()).isEqualTo("REFRESH_TOKEN_INVALID");
        assertThat(refresh("").code()).isEqualTo("VALIDATION_FAILED");
    }

    @Test
    void accessTokensVerifyWithTheKeyPublishedAsJwks() throws Exception {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        String jwks = http.getForObject("/.well-known/jwks.json", String.class);
        RSAKey key = JWKSet.parse(jwks).getKeys().get(0).toRSAKey();
        assertThat(key.isPrivate()).isFalse();

        SignedJWT jwt = SignedJWT.parse(login.text("accessToken"));
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        assertThat(jwt.getHeader().getKeyID()).isEqualTo(key.getKeyID());
        assertThat(jwt.getJWTClaimsSet().getSubject()).isEqualTo(login.text("memberId"));
        assertThat(jwt.getJWTClaimsSet().getStringClaim("role")).isEqualTo("SHOPPER");
    }

    @Test
    void tamperedExpiredForeignAndWrongRoleTokensAreRejectedByTheService() {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        String token = login.text("accessToken");
        String[] parts = token.split("\\.");
        String otherPayload = TestTokens.shopper(1).split("\\.")[1];
        String tampered = parts[0] + "." + otherPayload + "." + parts[2];

        assertThat(api.get("/api/members/me", tampered).status()).isEqualTo(401);
        assertThat(api.get("/api/members/me", TestTokens.expiredShopper(1)).status()).isEqualTo(401);
        assertThat(api.get("/api/members/me", TestTokens.shopperSignedByAnotherKey(1)).status()).isEqualTo(401);
        assertThat(api.get("/api/members/me", "not.a.jwt").status()).isEqualTo(401);

        MemberApi.Reply shopperAtAdmin = api.get("/admin/stores", token);
        assertThat(shopperAtAdmin.status()).isEqualTo(403);
        assertThat(shopperAtAdmin.code()).isEqualTo("FORBIDDEN");
        assertThat(api.get("/guide/customers", token).status()).isEqualTo(403);
        assertThat(api.get("/admin/guides", TestTokens.guide(1, 1)).status()).isEqualTo(403);
        assertThat(api.get("/api/members/me", TestTokens.merchant(1)).status()).isEqualTo(403);
    }
}
