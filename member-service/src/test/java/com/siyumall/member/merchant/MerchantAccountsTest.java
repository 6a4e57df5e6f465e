package com.siyumall.member.merchant;

import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
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
class MerchantAccountsTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    MerchantAccountService accounts;
    MemberApi api;

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private String newAccount(Role role) {
        String username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, role, null);
        return username;
    }

    @Test
    void aMerchantLogsInWithTheRightPasswordOnly() {
        String username = newAccount(Role.MERCHANT);
        MemberApi.Reply ok = api.merchantLogin(username, "right-password");
        assertThat(ok.status()).isEqualTo(200);
        assertThat(ok.text("role")).isEqualTo("MERCHANT");
        assertThat(api.get("/admin/stores", ok.text("accessToken")).status()).isEqualTo(200);

        MemberApi.Reply wrong = api.merchantLogin(username, "wrong-password");
        assertThat(wrong.status()).isEqualTo(401);
        assertThat(wrong.code()).isEqualTo("BAD_CREDENTIALS");
        MemberApi.Reply nobody = api.merchantLogin("no-such-user", "whatever1");
        assertThat(nobody.status()).isEqualTo(401);
        assertThat(nobody.code()).isEqualTo("BAD_CREDENTIALS");
        assertThat(jdbc.queryForObject("SELECT password_hash FROM merchant_account WHERE username = ?", String.class, username))
                .startsWith("$2").doesNotContain("right-password");
    }

    @Test
    void fiveWrongPasswordsInParallelLockTheAccountEvenAgainstTheRightOne() throws Exception {
        String username = newAccount(Role.MERCHANT);
        int guesses = 8;
        ExecutorService pool = Executors.newFixedThreadPool(guesses);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberApi.Reply>> futures = new ArrayList<>();
        for (int i = 0; i < guesses; i++) {
            int n = i;
            futures.add(pool.submit(() -> {
                start.await();
                return api.merchantLogin(username, "guess-" + n);
            }));
        }
        start.countDown();
        for (Future<MemberApi.Reply> f : futures) {
            assertThat(f.get().status()).isIn(401, 423);
        }
        pool.shutdown();

        MemberApi.Reply locked = api.merchantLogin(username, "right-password");
        assertThat(locked.status()).isEqualTo(423);
        assertThat(locked.code()).isEqualTo("ACCOUNT_LOCKED");
        assertThat(locked.text("lockedUntil")).isNotBlank();

        // fifteen minutes later (moved in the database rather than waited for) the right password works again
        jdbc.update("UPDATE merchant_account SET locked_until = DATE_SUB(locked_until, INTERVAL 16 MINUTE) WHERE username = ?", username);
        assertThat(api.merchantLogin(username, "right-password").status()).isEqualTo(200);
        assertThat(jdbc.queryForObject("SELECT failed_attempts FROM merchant_account WHERE username = ?", Integer.class, username)).isZero();
    }

    @Test
    void fourWrongPasswordsDoNotLockButAFifthDoes() {
        String username = newAccount(Role.MERCHANT);
        for (int i = 0; i < 4; i++) {
            assertThat(api.merchantLogin(username, "nope-" + i).code()).isEqualTo("BAD_CREDENTIALS");
        }
        assertThat(api.merchantLogin(username, "right-password").status()).isEqualTo(200);
        for (int i = 0; i < 5; i++) {
            api.merchantLogin(username, "nope-" + i);
        }
        assertThat(api.merchantLogin(username, "right-password").code()).isEqualTo("ACCOUNT_LOCKED");
    }

    @Test
    void operatorsRunTheShopButCannotManageAccounts() {
        String merchant = api.merchantLogin(newAccount(Role.MERCHANT), "right-password").text("accessToken");
        String operator = api.merchantLogin(newAccount(Role.MERCHANT_OPERATOR), "right-password").text("accessToken");

        assertThat(api.get("/admin/stores", operator).status()).isEqualTo(200);
        assertThat(api.get("/admin/accounts", operator).status()).isEqualTo(403);
        assertThat(api.post("/admin/accounts", operator, Map.of("username", "sneaky", "password", "password123",
                "displayName", "x", "role", "MERCHANT")).status()).isEqualTo(403);
        assertThat(api.post("/admin/guides", operator, Map.of("username", "g-sneaky", "password", "password123",
                "name", "x", "storeId", "1")).status()).isEqualTo(403);

        MemberApi.Reply created = api.post("/admin/accounts", merchant, Map.of("username", "op-" + UUID.randomUUID().toString().substring(0, 8),
                "password", "password123", "displayName", "Operator", "role", "MERCHANT_OPERATOR"));
        assertThat(created.status()).isEqualTo(201);
        assertThat(created.text("role")).isEqualTo("MERCHANT_OPERATOR");
        assertThat(api.post("/admin/accounts", merchant, Map.of("username", created.text("username"), "password", "password123",
                "displayName", "Again", "role", "MERCHANT_OPERATOR")).code()).isEqualTo("USERNAME_TAKEN");
        assertThat(api.post("/admin/accounts", merchant, Map.of("username", "x", "password", "short", "displayName", "", "role", "GUIDE"))
                .status()).isEqualTo(400);
    }

    @Test
    void aPasswordBCryptCannotReadWholeIsRefusedWithA400AndALoginWithOneIsAWrongPassword() {
        String boss = api.merchantLogin(newAccount(Role.MERCHANT), "right-password").text("accessToken");
        String seventyThreeBytes = "a".repeat(73);
        String twentyFiveChineseCharacters = "密".repeat(25); // 75 bytes in UTF-8

        for (String password : new String[] {seventyThreeBytes, twentyFiveChineseCharacters}) {
            MemberApi.Reply refused = api.post("/admin/accounts", boss, Map.of("username", "acct-" + UUID.randomUUID().toString().substring(0, 8),
                    "password", password, "displayName", "Too long", "role", "MERCHANT_OPERATOR"));
            assertThat(refused.status()).isEqualTo(400);
            assertThat(refused.code()).isEqualTo("VALIDATION_FAILED");
            assertThat(refused.body().path("errors").get(0).path("field").asText()).isEqualTo("password");
            MemberApi.Reply hire = api.post("/admin/guides", boss, Map.of("username", "g-" + UUID.randomUUID().toString().substring(0, 8),
                    "password", password, "name", "Too long", "storeId", "1"));
            assertThat(hire.status()).isEqualTo(400);
        }
        String exactlySeventyTwo = "密".repeat(24);
        String username = "acct-" + UUID.randomUUID().toString().substring(0, 8);
        assertThat(api.post("/admin/accounts", boss, Map.of("username", username, "password", exactlySeventyTwo, "displayName", "Max",
                "role", "MERCHANT_OPERATOR")).status()).isEqualTo(201);
        assertThat(api.merchantLogin(username, exactlySeventyTwo).status()).isEqualTo(200);
        assertThat(api.merchantLogin(username, exactlySeventyTwo + "x".repeat(40)).code()).isEqualTo("BAD_CREDENTIALS");
    }

    @Test
    void theDemoAccountsExistOnlyInTheDemoProfile() {
        assertThat(accounts.findByUsername("merchant")).isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM guide WHERE username = 'guide1'", Integer.class)).isZero();
    }

    @Test
    void aDisabledAccountCanNeitherLogInNorRefresh() {
        String username = newAccount(Role.MERCHANT_OPERATOR);
        MemberApi.Reply session = api.merchantLogin(username, "right-password");
        String boss = api.merchantLogin(newAccount(Role.MERCHANT), "right-password").text("accessToken");

        assertThat(api.post("/admin/accounts/" + session.text("accountId") + "/disable", boss, null).status()).isEqualTo(200);

        assertThat(api.merchantLogin(username, "right-password").code()).isEqualTo("ACCOUNT_DISABLED");
        assertThat(api.post("/admin/auth/refresh", null, Map.of("refreshToken", session.text("refreshToken"))).status()).isEqualTo(401);
    }
}
