package com.siyumall.insight.dashboard;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The dashboard counts a day, the day before and the week before exactly, from visits, registrations and paid orders. */
@InsightIntegrationTest
class DashboardTest {
    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> dashboard(String token, String query) {
        return facts.get(token, "/admin/insights/dashboard" + query);
    }

    @Test
    void aDayIsCountedAgainstTheDayBeforeAndTheWeekBefore() {
        // a day of its own: the dashboard counts every member of a day and the week before, and the random days of
        // other tests (2001–2017) could fall in that week
        LocalDate day = LocalDate.of(1987, 7, 7);
        long a = someMember();
        long b = someMember();
        long c = someMember();
        facts.registered(a, day);
        facts.registered(b, day);
        facts.registered(c, day.minusDays(1));
        facts.memberVisited(a, day);
        facts.memberVisited(b, day);
        facts.memberVisited(b, day); // twice the same day: one visitor
        facts.deviceVisited("dash-" + a, day);
        facts.memberVisited(c, day.minusDays(1));
        facts.memberVisited(c, day.minusDays(3));
        facts.memberVisited(c, day.minusDays(8)); // before the week: counted nowhere
        facts.paid(b, day, 1_000);
        facts.paid(b, day, 2_500);
        facts.paid(c, day.minusDays(1), 500);

        String merchant = TestTokens.merchant(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> today = (Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("today");
            Map<String, Object> yesterday = (Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("yesterday");
            return ((Number) today.get("visitors")).intValue() == 3 && ((Number) today.get("orders")).intValue() == 2
                    && ((Number) today.get("newMembers")).intValue() == 2 && ((Number) yesterday.get("orders")).intValue() == 1;
        });
        // one more visit inside the week moves its average
        facts.memberVisited(c, day.minusDays(2));
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) ((Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("sevenDayAverage")).get("visitors")).doubleValue() == 0.4);

        Map<String, Object> view = dashboard(merchant, "?day=" + day).getBody();
        assertThat((Map<String, Object>) view.get("today")).containsEntry("day", day.toString()).containsEntry("visitors", 3)
                .containsEntry("newMembers", 2).containsEntry("payingMembers", 1).containsEntry("orders", 2)
                .containsEntry("gmv", 3_500).containsEntry("conversion", 0.3333);
        assertThat((Map<String, Object>) view.get("yesterday")).containsEntry("day", day.minusDays(1).toString())
                .containsEntry("visitors", 1).containsEntry("newMembers", 1).containsEntry("payingMembers", 1)
                .containsEntry("orders", 1).containsEntry("gmv", 500).containsEntry("conversion", 1.0);
        // the 7 days before: visitors 1 (day-1) + 1 (day-2) + 1 (day-3) = 3 → 0.4 a day; one order of 500 → 71.4
        assertThat((Map<String, Object>) view.get("sevenDayAverage")).containsEntry("from", day.minusDays(7).toString())
                .containsEntry("to", day.minusDays(1).toString()).containsEntry("visitors", 0.4)
                .containsEntry("newMembers", 0.1).containsEntry("payingMembers", 0.1).containsEntry("orders", 0.1)
                .containsEntry("gmv", 71.4).containsEntry("conversion", 0.3333);
    }

    @Test
    void aMemberSeenOnlyByTheirLoginOrCheckInIsAVisitorOnceAndTheCheckInsAreCounted() {
        LocalDate day = LocalDate.of(1985, 5, 5);
        long onlyLoggedIn = someMember();
        long everything = someMember();
        facts.loggedIn(onlyLoggedIn, day);
        facts.loggedIn(everything, day);
        facts.memberVisited(everything, day);
        facts.checkedIn(everything, day, 3);
        facts.checkedIn(everything, day, 3); // member-service's one check-in a day, announced again: counted once

        String merchant = TestTokens.merchant(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> today = (Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("today");
            return ((Number) today.get("visitors")).intValue() == 2 && ((Number) today.get("checkIns")).intValue() == 1;
        });
        facts.checkedIn(onlyLoggedIn, day.minusDays(1), 1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) ((Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("sevenDayAverage")).get("checkIns")).doubleValue() == 0.1);

        Map<String, Object> view = dashboard(merchant, "?day=" + day).getBody();
        assertThat((Map<String, Object>) view.get("today")).containsEntry("visitors", 2).containsEntry("checkIns", 1);
        assertThat((Map<String, Object>) view.get("yesterday")).containsEntry("visitors", 1).containsEntry("checkIns", 1);
        assertThat((Map<String, Object>) view.get("sevenDayAverage")).containsEntry("visitors", 0.1).containsEntry("checkIns", 0.1);
    }

    @Test
    void refundsCountOnTheDayTheMoneyWentBackWheneverTheOrderWasPaid() {
        LocalDate day = LocalDate.of(1986, 6, 6);
        long member = someMember();
        facts.paid(member, day.minusDays(2), 9_900);
        facts.refunded(member, day, 3_000, false);
        facts.refunded(member, day, 6_900, true);
        facts.refunded(member, day.minusDays(1), 500, false);

        String merchant = TestTokens.merchant(1);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) ((Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("today")).get("refunds")).intValue() == 2
                        && ((Number) ((Map<String, Object>) dashboard(merchant, "?day=" + day).getBody().get("yesterday")).get("refunds")).intValue() == 1);
        Map<String, Object> view = dashboard(merchant, "?day=" + day).getBody();
        assertThat((Map<String, Object>) view.get("today")).containsEntry("refunds", 2).containsEntry("refundAmount", 9_900)
                .containsEntry("orders", 0).containsEntry("gmv", 0);
        assertThat((Map<String, Object>) view.get("yesterday")).containsEntry("refunds", 1).containsEntry("refundAmount", 500);
        // the week before: 500 on day-1 → 71.4 a day
        assertThat((Map<String, Object>) view.get("sevenDayAverage")).containsEntry("refunds", 0.1).containsEntry("refundAmount", 71.4);
    }

    @Test
    void onlyTheMerchantReadsIt() {
        assertThat(dashboard(null, "").getStatusCode().value()).isEqualTo(401);
        assertThat(dashboard(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(dashboard(TestTokens.guide(5, 6), "").getStatusCode().value()).isEqualTo(403);
        ResponseEntity<Map> merchant = dashboard(TestTokens.merchant(1), "");
        assertThat(merchant.getStatusCode().value()).isEqualTo(200);
        assertThat(merchant.getBody()).containsKeys("today", "yesterday", "sevenDayAverage");
        assertThat(dashboard(TestTokens.merchant(1), "?day=yesterday").getStatusCode().value()).isEqualTo(400);
    }
}
