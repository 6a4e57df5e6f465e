package com.siyumall.insight.retention;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static com.siyumall.insight.InsightFixtures.someDayOfThePast;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Retention counts, per registration day, the members seen again exactly 1, 3, 7, 14 and 30 days later. */
@InsightIntegrationTest
class RetentionTest {
    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> retention(String token, String query) {
        return facts.get(token, "/admin/insights/retention" + query);
    }

    private List<Map<String, Object>> cohorts(LocalDate from, LocalDate to) {
        return (List<Map<String, Object>>) retention(TestTokens.merchant(1), "?from=" + from + "&to=" + to).getBody().get("cohorts");
    }

    @Test
    void eachCohortCountsTheMembersSeenAgainOnTheNthDay() {
        LocalDate day = someDayOfThePast();
        long one = someMember();
        long two = someMember();
        long three = someMember();
        long four = someMember();
        long nextDay = someMember();
        for (long member : new long[] {one, two, three, four}) {
            facts.registered(member, day);
        }
        facts.registered(nextDay, day.plusDays(1));
        facts.memberVisited(one, day);               // the day itself is not a return
        facts.memberVisited(one, day.plusDays(1));
        facts.memberVisited(one, day.plusDays(7));
        facts.memberVisited(two, day.plusDays(1));
        facts.memberVisited(three, day.plusDays(2)); // no Dn for n = 2
        facts.memberVisited(three, day.plusDays(3));
        facts.memberVisited(three, day.plusDays(14));
        facts.memberVisited(nextDay, day.plusDays(2));

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> cohorts = cohorts(day, day.plusDays(1));
            return cohorts.size() == 2 && ((Number) cohorts.get(0).get("members")).intValue() == 4
                    && returned(cohorts.get(0), "d1").equals(Map.of("members", 2, "rate", 0.5))
                    && returned(cohorts.get(0), "d14").equals(Map.of("members", 1, "rate", 0.25))
                    && returned(cohorts.get(1), "d1").equals(Map.of("members", 1, "rate", 1.0));
        });

        List<Map<String, Object>> cohorts = cohorts(day, day.plusDays(1));
        assertThat(cohorts.get(0)).containsEntry("day", day.toString()).containsEntry("members", 4);
        assertThat(returned(cohorts.get(0), "d3")).isEqualTo(Map.of("members", 1, "rate", 0.25));
        assertThat(returned(cohorts.get(0), "d7")).isEqualTo(Map.of("members", 1, "rate", 0.25));
        assertThat(returned(cohorts.get(0), "d30")).isEqualTo(Map.of("members", 0, "rate", 0.0));
        assertThat(cohorts.get(1)).containsEntry("day", day.plusDays(1).toString()).containsEntry("members", 1);
        assertThat(returned(cohorts.get(1), "d3")).isEqualTo(Map.of("members", 0, "rate", 0.0));
        Map<String, Object> view = retention(TestTokens.merchant(1), "?from=" + day + "&to=" + day.plusDays(1)).getBody();
        assertThat((Map<String, Object>) view.get("industry")).containsEntry("d1", 0.132).containsEntry("d7", 0.031).containsEntry("d14", 0.017);
    }

    @Test
    void aLoginOrACheckInWithoutAnyBehaviorEventIsAReturnToo() {
        LocalDate day = someDayOfThePast();
        long loggedInNextDay = someMember();
        long checkedInOnTheThird = someMember();
        facts.registered(loggedInNextDay, day);
        facts.registered(checkedInOnTheThird, day);
        facts.loggedIn(loggedInNextDay, day.plusDays(1));
        facts.loggedIn(checkedInOnTheThird, day.plusDays(3));
        facts.checkedIn(checkedInOnTheThird, day.plusDays(3), 1); // the same day seen twice: one return

        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> cohorts = cohorts(day, day);
            return cohorts.size() == 1 && returned(cohorts.get(0), "d1").equals(Map.of("members", 1, "rate", 0.5))
                    && returned(cohorts.get(0), "d3").equals(Map.of("members", 1, "rate", 0.5));
        });
        assertThat(returned(cohorts(day, day).get(0), "d7")).isEqualTo(Map.of("members", 0, "rate", 0.0));
    }

    @Test
    void aDayNotYetReachedHasNoFigureRatherThanAZero() {
        LocalDate today = BusinessTime.today(Clock.systemUTC());
        long member = someMember();
        facts.registered(member, today);
        await().atMost(Duration.ofSeconds(30)).until(() -> cohorts(today, today).stream()
                .anyMatch(c -> ((Number) c.get("members")).intValue() >= 1));
        Map<String, Object> cohort = cohorts(today, today).get(0);
        assertThat(returned(cohort, "d1")).containsEntry("rate", null);
        assertThat(returned(cohort, "d30")).containsEntry("rate", null);
    }

    @Test
    void aPeriodBackwardsOrLongerThanAQuarterIsRefused() {
        ResponseEntity<Map> backwards = retention(TestTokens.merchant(1), "?from=2025-03-02&to=2025-03-01");
        assertThat(backwards.getStatusCode().value()).isEqualTo(400);
        assertThat(backwards.getBody()).containsEntry("code", "REPORT_PERIOD_INVALID");
        assertThat(retention(TestTokens.merchant(1), "?from=2025-01-01&to=2025-04-03").getStatusCode().value()).isEqualTo(400);
        assertThat(retention(TestTokens.merchant(1), "?from=2025-01-01&to=2025-04-02").getStatusCode().value()).isEqualTo(200); // 92 days
        assertThat(retention(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
    }

    private static Map<String, Object> returned(Map<String, Object> cohort, String day) {
        return (Map<String, Object>) ((Map<String, Object>) cohort.get("returned")).get(day);
    }
}
