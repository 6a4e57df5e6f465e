package com.siyumall.member.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStack;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The 24-hour wake-up end to end from the broker: insight-service's VisitedWithoutBuying (its contract sample) in, the
 * WeChat sandbox's record of subscription messages out.
 */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class WakeUpTest {
    private static final Map<String, String> WORDS = Map.of("thing1", "您看中的好物还在", "thing2", "回来看看吧");

    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private record Shopper(long memberId, String openid) {}

    private Shopper shopperWhoAccepted(MemberApi api, int acceptances) {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(login.text("memberId"));
        assertThat(api.post("/api/subscriptions", login.text("accessToken"),
                Map.of("templateIds", java.util.Collections.nCopies(acceptances, "tpl-wake-up"))).status()).isEqualTo(200);
        return new Shopper(memberId, jdbc.queryForObject("SELECT openid FROM member_wechat_identity WHERE member_id = ? LIMIT 1",
                String.class, memberId));
    }

    private int setRule(String token, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(token);
        return http.exchange("/admin/wake-up-rule", HttpMethod.PUT, new HttpEntity<>(body, headers), Map.class).getStatusCode().value();
    }

    private String visited(long memberId, Instant lastVisitAt) {
        return new ContractEvents(events, transaction, json).publish(Topics.INSIGHT_EVENTS, "VisitedWithoutBuying", Long.toString(memberId),
                "memberId", Long.toString(memberId), "firstVisitAt", lastVisitAt.minusSeconds(600).toString(),
                "lastVisitAt", lastVisitAt.toString(), "lastPage", "pages/product");
    }

    private void handled(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-wake-up' AND event_id = ?", Integer.class, eventId) == 1);
    }

    private List<Map<String, Object>> received(Shopper shopper) {
        return DevStack.get().wechat().subscribeMessages().stream().filter(m -> shopper.openid().equals(m.get("touser"))).toList();
    }

    @Test
    void aMemberWhoLeftWithoutBuyingIsWokenOnceADayInTheMerchantsWordsWhileTheRuleIsOn() {
        MemberApi api = new MemberApi(http);
        String merchant = TestTokens.merchant(1);
        assertThat(setRule(merchant, Map.of("enabled", true, "data", WORDS, "withinHours", 24))).isEqualTo(200);
        Shopper shopper = shopperWhoAccepted(api, 2);

        handled(visited(shopper.memberId(), Instant.now().minus(Duration.ofHours(1))));
        handled(visited(shopper.memberId(), Instant.now().minus(Duration.ofMinutes(40))));
        List<Map<String, Object>> messages = received(shopper);
        assertThat(messages).as("two announcements the same day, one message, though two acceptances were left").hasSize(1);
        assertThat(messages.get(0).get("template_id")).isEqualTo("tpl-wake-up");
        assertThat(messages.get(0).toString()).contains("您看中的好物还在", "回来看看吧");

        Shopper late = shopperWhoAccepted(api, 1);
        handled(visited(late.memberId(), Instant.now().minus(Duration.ofHours(25))));
        assertThat(received(late)).as("the visit is older than the window").isEmpty();

        assertThat(setRule(merchant, Map.of("enabled", false, "data", WORDS))).isEqualTo(200);
        Shopper off = shopperWhoAccepted(api, 1);
        handled(visited(off.memberId(), Instant.now().minus(Duration.ofHours(1))));
        assertThat(received(off)).as("the rule is off").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM subscription_acceptance WHERE member_id = ? AND used_at IS NULL",
                Integer.class, off.memberId())).as("their acceptance is kept for something else").isEqualTo(1);
    }

    @Test
    void theRuleIsTheMerchantsAndItsWordsFitWechatsFields() {
        String merchant = TestTokens.merchant(1);
        assertThat(setRule(merchant, Map.of("enabled", true, "data", Map.of("thing1", "这一句话超过了微信订阅消息二十个字的限制所以不行")))).isEqualTo(400);
        assertThat(setRule(merchant, Map.of("enabled", true, "data", WORDS, "withinHours", 25))).isEqualTo(400);
        assertThat(setRule(merchant, Map.of("enabled", true, "data", Map.of()))).isEqualTo(400);
        assertThat(setRule(TestTokens.shopper(42), Map.of("enabled", true, "data", WORDS))).isEqualTo(403);
        assertThat(setRule(merchant, Map.of("enabled", false, "data", WORDS, "withinHours", 12))).isEqualTo(200);
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(merchant);
        Map<String, Object> rule = http.exchange("/admin/wake-up-rule", HttpMethod.GET, new HttpEntity<>(headers), Map.class).getBody();
        assertThat(rule).containsEntry("enabled", false).containsEntry("withinHours", 12).containsEntry("updatedBy", "1");
        assertThat((Map<String, Object>) rule.get("data")).containsEntry("thing1", "您看中的好物还在");
    }
}
