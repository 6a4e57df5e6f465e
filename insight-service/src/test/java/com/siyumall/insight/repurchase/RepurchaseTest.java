package com.siyumall.insight.repurchase;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Days between orders, repurchase of each week's first buyers, and who is due a reminder, from OrderPaid facts. */
@InsightIntegrationTest
class RepurchaseTest {
    /** A Monday no other test's facts fall near (theirs are 2001–2017, 2019 and today). */
    private static final LocalDate MONDAY = LocalDate.of(1998, 1, 7).with(DayOfWeek.MONDAY);

    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> repurchase(String token, String query) {
        return facts.get(token, "/admin/insights/repurchase" + query);
    }

    @Test
    void gapsBetweenOrdersAndTheWeeksFirstBuyersWhoCameBack() {
        long thrice = someMember();
        long twice = someMember();
        long once = someMember();
        facts.paid(thrice, MONDAY, 1_000);
        facts.paid(thrice, MONDAY.plusDays(3), 1_000);
        facts.paid(thrice, MONDAY.plusDays(20), 1_000);
        facts.paid(twice, MONDAY.plusDays(1), 2_000);
        facts.paid(twice, MONDAY.plusDays(50), 2_000);
        facts.paid(once, MONDAY.plusDays(2), 500);

        String query = "?from=" + MONDAY + "&to=" + MONDAY.plusDays(60);
        await().atMost(Duration.ofSeconds(30)).until(() ->
                ((Number) ((Map<String, Object>) repurchase(TestTokens.merchant(1), query).getBody().get("firstToSecond")).get("members")).intValue() == 2
                        && ((List<?>) repurchase(TestTokens.merchant(1), query).getBody().get("cohorts")).size() == 1
                        && ((Number) ((Map<String, Object>) ((List<?>) repurchase(TestTokens.merchant(1), query).getBody().get("cohorts")).get(0))
                        .get("firstBuyers")).intValue() == 3);
        Map<String, Object> view = repurchase(TestTokens.merchant(1), query).getBody();

        Map<String, Object> firstToSecond = (Map<String, Object>) view.get("firstToSecond");
        assertThat(firstToSecond).containsEntry("members", 2).containsEntry("medianDays", 3);
        assertThat(buckets(firstToSecond)).containsEntry("0-7", 1).containsEntry("31-60", 1).containsEntry("8-14", 0)
                .containsOnlyKeys("0-7", "8-14", "15-30", "31-60", "61-90", ">90");
        Map<String, Object> secondToThird = (Map<String, Object>) view.get("secondToThird");
        assertThat(secondToThird).containsEntry("members", 1).containsEntry("medianDays", 17);
        assertThat(buckets(secondToThird)).containsEntry("15-30", 1);

        assertThat((List<Map<String, Object>>) view.get("cohorts")).singleElement().satisfies(cohort -> assertThat(cohort)
                .containsEntry("week", MONDAY.toString()).containsEntry("firstBuyers", 3).containsEntry("boughtAgain", 2)
                .containsEntry("rate", 0.6667).containsEntry("againWithin30Days", 1).containsEntry("rateWithin30Days", 0.3333));

        // only the second order of `twice` falls in a period starting after the first orders
        Map<String, Object> later = repurchase(TestTokens.merchant(1), "?from=" + MONDAY.plusDays(30) + "&to=" + MONDAY.plusDays(60)).getBody();
        assertThat((Map<String, Object>) later.get("firstToSecond")).containsEntry("members", 1).containsEntry("medianDays", 49);
        assertThat((Map<String, Object>) later.get("secondToThird")).containsEntry("members", 0).containsEntry("medianDays", null);
        assertThat((List<?>) later.get("cohorts")).isEmpty();
    }

    @Test
    void buyersWhoseLastOrderIsInTheReminderWindowAreDueAndListed() {
        LocalDate today = BusinessTime.today(Clock.systemUTC());
        long due = someMember();
        long recent = someMember();
        long lapsed = someMember();
        facts.paid(due, today.minusDays(260), 1_000);
        facts.paid(due, today.minusDays(205), 1_500);
        facts.paid(recent, today.minusDays(205), 900);
        facts.paid(recent, today.minusDays(100), 900);
        facts.paid(lapsed, today.minusDays(215), 700);

        String query = "?dueAfterDays=200&lapsedAfterDays=210";
        // until every order arrived: `recent` looks due until its second one did
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> listed = (List<Map<String, Object>>) ((Map<String, Object>) repurchase(TestTokens.merchant(1), query)
                    .getBody().get("due")).get("longestWaiting");
            return listed.size() == 1 && ((Number) listed.get(0).get("orders")).intValue() == 2
                    && ((Number) listed.get(0).get("spent")).intValue() == 2_500;
        });
        Map<String, Object> dueNow = (Map<String, Object>) repurchase(TestTokens.merchant(1), query).getBody().get("due");
        assertThat(dueNow).containsEntry("afterDays", 200).containsEntry("lapsedAfterDays", 210).containsEntry("members", 1);
        assertThat(((Number) dueNow.get("lapsed")).longValue()).isPositive();
        assertThat((List<Map<String, Object>>) dueNow.get("longestWaiting")).singleElement().satisfies(member -> assertThat(member)
                .containsEntry("memberId", Long.toString(due)).containsEntry("lastOrderDay", today.minusDays(205).toString())
                .containsEntry("orders", 2).containsEntry("spent", 2_500));
    }

    @Test
    void aWindowThatEndsBeforeItStartsOrAnotherRoleIsRefused() {
        ResponseEntity<Map> backwards = repurchase(TestTokens.merchant(1), "?dueAfterDays=60&lapsedAfterDays=30");
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody()).containsEntry("code", "REMINDER_WINDOW_INVALID");
        assertThat(repurchase(TestTokens.merchant(1), "?dueAfterDays=0").getStatusCode().value()).isEqualTo(400);
        assertThat(repurchase(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(repurchase(TestTokens.merchant(1), "").getStatusCode().value()).isEqualTo(200);
    }

    private static Map<String, Object> buckets(Map<String, Object> step) {
        Map<String, Object> byLabel = new java.util.LinkedHashMap<>();
        for (Map<String, Object> bucket : (List<Map<String, Object>>) step.get("afterDays")) {
            byLabel.put((String) bucket.get("days"), bucket.get("members"));
        }
        return byLabel;
    }
}
