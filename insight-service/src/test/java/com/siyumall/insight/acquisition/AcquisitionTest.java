package com.siyumall.insight.acquisition;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someDayOfThePast;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** New members by where they came from, and which of them paid a first order within 7 and within 30 days. */
@InsightIntegrationTest
class AcquisitionTest {
    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> acquisition(String token, String query) {
        return facts.get(token, "/admin/insights/acquisition" + query);
    }

    @Test
    void eachChannelCountsItsMembersAndTheFirstPurchasesInsideEachWindow() {
        LocalDate day = someDayOfThePast();
        long quick = someMember();
        long slow = someMember();
        long late = someMember();
        long never = someMember();
        facts.registered(quick, day, "poster");
        facts.registered(slow, day, "poster");
        facts.registered(late, day, "poster");
        facts.registered(never, day, "live");
        facts.paid(quick, day.plusDays(3), 100);
        facts.paid(quick, day.plusDays(20), 100); // a second order changes nothing
        facts.paid(slow, day.plusDays(20), 100);
        facts.paid(late, day.plusDays(40), 100);

        String query = "?from=" + day + "&to=" + day + "&by=CHANNEL";
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> rows = (List<Map<String, Object>>) acquisition(TestTokens.merchant(1), query).getBody().get("sources");
            return rows.size() == 2 && ((Number) rows.get(0).get("newMembers")).intValue() == 3
                    && ((Number) rows.get(0).get("firstPurchaseIn30Days")).intValue() == 2;
        });
        List<Map<String, Object>> rows = (List<Map<String, Object>>) acquisition(TestTokens.merchant(1), query).getBody().get("sources");
        assertThat(rows.get(0)).containsEntry("source", "poster").containsEntry("newMembers", 3)
                .containsEntry("firstPurchaseIn7Days", 1).containsEntry("rateIn7Days", 0.3333)
                .containsEntry("firstPurchaseIn30Days", 2).containsEntry("rateIn30Days", 0.6667);
        assertThat(rows.get(1)).containsEntry("source", "live").containsEntry("newMembers", 1)
                .containsEntry("firstPurchaseIn7Days", 0).containsEntry("firstPurchaseIn30Days", 0);

        Map<String, Object> largestOnly = acquisition(TestTokens.merchant(1), query + "&limit=1").getBody();
        assertThat((List<Map<String, Object>>) largestOnly.get("sources")).singleElement().satisfies(row ->
                assertThat(row).containsEntry("source", "poster").containsEntry("newMembers", 3));
        assertThat(largestOnly).containsEntry("otherSources", 1);
        assertThat((Map<String, Object>) largestOnly.get("others")).containsEntry("source", null).containsEntry("newMembers", 1)
                .containsEntry("firstPurchaseIn30Days", 0);
        assertThat(acquisition(TestTokens.merchant(1), query).getBody()).containsEntry("otherSources", 0).doesNotContainKey("others");
        assertThat(acquisition(TestTokens.merchant(1), query + "&limit=0").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void membersWithoutTheSourceAreOneRowWithANullSource() {
        LocalDate day = someDayOfThePast();
        facts.registered(someMember(), day, "poster");
        String query = "?from=" + day + "&to=" + day + "&by=GUIDE";
        await().atMost(Duration.ofSeconds(30)).until(() ->
                !((List<?>) acquisition(TestTokens.merchant(1), query).getBody().get("sources")).isEmpty());
        Map<String, Object> row = ((List<Map<String, Object>>) acquisition(TestTokens.merchant(1), query).getBody().get("sources")).get(0);
        assertThat(row).containsEntry("source", null).containsEntry("newMembers", 1);
    }

    @Test
    void anUnknownSourceOrAnotherRoleIsRefused() {
        ResponseEntity<Map> unknown = acquisition(TestTokens.merchant(1), "?by=WEATHER");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(acquisition(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(acquisition(TestTokens.merchant(1), "?by=SCENE").getStatusCode().value()).isEqualTo(200);
    }
}
