package com.siyumall.insight.lifecycle;

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

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A member moving through the stages, week by week, from registration, visits and paid orders. */
@InsightIntegrationTest
class LifecycleTest {
    /** Weeks no other test's facts fall in (theirs are 1996, 1998, 2001–2017, 2019 and the last year). */
    private static final LocalDate AS_OF = LocalDate.of(1994, 3, 31);

    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> lifecycle(String token, String query) {
        return facts.get(token, "/admin/insights/lifecycle" + query);
    }

    @Test
    void aMemberGoesFromNewToFirstBuyerToDormant() {
        long member = someMember();
        LocalDate joined = AS_OF.minusWeeks(7).plusDays(1);
        facts.registered(member, joined);
        facts.paid(member, joined.plusDays(10), 1_000);

        // the cohort of the day they joined: the report counts every member the store knows, other tests' too
        String query = "?asOf=" + AS_OF + "&weeks=7&registeredFrom=" + joined + "&registeredTo=" + joined;
        await().atMost(Duration.ofSeconds(30)).until(() -> weeks(query).get(6).get("flows") instanceof List<?> flows && !flows.isEmpty()
                && ((Map<String, Object>) weeks(query).get(2).get("stages")).get("FIRST_BUYER").equals(1));
        List<Map<String, Object>> weeks = weeks(query);
        // the first week ends 6 days after joining: new; by the end of the second they had paid (day 10): a first buyer
        assertThat(stages(weeks.get(0))).containsEntry("NEW", 1);
        assertThat((List<Map<String, Object>>) weeks.get(0).get("flows")).singleElement()
                .satisfies(flow -> assertThat(flow).containsEntry("from", "NOT_REGISTERED").containsEntry("to", "NEW").containsEntry("members", 1));
        assertThat(stages(weeks.get(1))).containsEntry("FIRST_BUYER", 1);
        assertThat((List<Map<String, Object>>) weeks.get(1).get("flows")).singleElement()
                .satisfies(flow -> assertThat(flow).containsEntry("from", "NEW").containsEntry("to", "FIRST_BUYER"));
        // the order on day 10 is the last thing they did: idle over 30 days by the week ending on day 48
        assertThat(stages(weeks.get(5))).containsEntry("FIRST_BUYER", 0).containsEntry("DORMANT", 1);
        assertThat((List<Map<String, Object>>) weeks.get(5).get("flows")).singleElement()
                .satisfies(flow -> assertThat(flow).containsEntry("from", "FIRST_BUYER").containsEntry("to", "DORMANT"));
    }

    @Test
    void aLoginOrACheckInKeepsAMemberFromFallingDormant() {
        long member = someMember();
        LocalDate joined = AS_OF.minusWeeks(7).plusDays(2);
        facts.registered(member, joined);
        facts.paid(member, joined.plusDays(10), 1_000);
        facts.loggedIn(member, joined.plusDays(15));
        facts.checkedIn(member, joined.plusDays(20), 1);

        // weeks end on days 5, 12, … 47 after joining: without the login and the check-in the order on day 10 would
        // leave the member idle 37 days by the last one (dormant); with them, 27
        String query = "?asOf=" + AS_OF + "&weeks=7&registeredFrom=" + joined + "&registeredTo=" + joined;
        await().atMost(Duration.ofSeconds(30)).until(() -> stages(weeks(query).get(1)).get("FIRST_BUYER").equals(1)
                && stages(weeks(query).get(6)).get("FIRST_BUYER").equals(1));
        assertThat(stages(weeks(query).get(6))).containsEntry("FIRST_BUYER", 1).containsEntry("DORMANT", 0);
    }

    @Test
    void tooManyWeeksOrAnotherRoleIsRefused() {
        assertThat(lifecycle(TestTokens.merchant(1), "?weeks=27").getStatusCode().value()).isEqualTo(400);
        assertThat(lifecycle(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(lifecycle(TestTokens.merchant(1), "?weeks=2").getBody().get("weeks")).asList().hasSize(2);
    }

    private List<Map<String, Object>> weeks(String query) {
        return (List<Map<String, Object>>) lifecycle(TestTokens.merchant(1), query).getBody().get("weeks");
    }

    private static Map<String, Object> stages(Map<String, Object> week) {
        return (Map<String, Object>) week.get("stages");
    }
}
