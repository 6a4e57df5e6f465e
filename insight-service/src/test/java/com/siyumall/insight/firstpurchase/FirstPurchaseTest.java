package com.siyumall.insight.firstpurchase;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someDayOfThePast;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The first order counts, not a later one; a window out of range and other roles are refused. */
@InsightIntegrationTest
class FirstPurchaseTest {
    @Autowired
    InsightFixtures facts;

    private Map<String, Object> report(String query) {
        return facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase" + query).getBody();
    }

    @Test
    void aMemberIsCountedByTheirFirstOrderOnly() {
        LocalDate day = someDayOfThePast();
        long member = someMember();
        facts.registered(member, day);
        facts.paid(member, day.plusDays(10), 100);
        facts.paid(member, day.plusDays(1), 100); // arrives later, happened earlier: this is the first
        facts.registered(someMember(), day);
        String query = "?from=" + day + "&to=" + day + "&withinDays=7";
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) report(query).get("members")).intValue() == 2
                && ((Number) report(query).get("boughtWithin")).intValue() == 1);
        Map<String, Object> view = report(query);
        assertThat(view).containsEntry("neverBought", 1).containsEntry("shareWithin", 0.5);
        assertThat((List<Map<String, Object>>) view.get("firstOrderAfterDays"))
                .filteredOn(b -> ((Number) b.get("members")).intValue() > 0).extracting(b -> b.get("days")).containsExactly("1");
    }

    @Test
    void aWindowOutOfRangeOrAnotherRoleIsRefused() {
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase?withinDays=0").getStatusCode().value()).isEqualTo(400);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase?withinDays=91").getStatusCode().value()).isEqualTo(400);
        assertThat(facts.get(TestTokens.shopper(someMember()), "/admin/insights/first-purchase").getStatusCode().value()).isEqualTo(403);
    }
}
