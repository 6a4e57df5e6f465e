package com.siyumall.member.gift;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class OpenCardGiftTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void bindingAPhoneGivesTheOpenCardGiftOnceEvenWhenThePhoneChanges() {
        MemberApi api = new MemberApi(http);
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        String token = member.text("accessToken");
        String digits = "137" + String.valueOf(System.nanoTime()).substring(0, 8);

        assertThat(api.post("/api/members/me/phone", token, Map.of("code", "phone-" + digits)).status()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(30)).until(() -> api.get("/api/members/me", token).body().path("points").asLong() == 100);
        assertThat(api.get("/api/members/me", token).body().path("growthValue").asLong()).isEqualTo(10);

        String other = "136" + String.valueOf(System.nanoTime()).substring(0, 8);
        assertThat(api.post("/api/members/me/phone", token, Map.of("code", "phone-" + other)).text("phone")).isEqualTo(other);
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-open-card-phone' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_type = 'MemberPhoneBound' AND event_key = ?)",
                Integer.class, member.text("memberId")) == 2);
        assertThat(api.get("/api/members/me", token).body().path("points").asLong()).as("still one gift").isEqualTo(100);
        assertThat(api.get("/api/points/ledger", token).body().path("items").get(0).path("reason").asText()).isEqualTo("OPEN_CARD");
    }
}
