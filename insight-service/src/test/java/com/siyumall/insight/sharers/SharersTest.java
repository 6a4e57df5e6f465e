package com.siyumall.insight.sharers;

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
import java.util.UUID;

import static com.siyumall.insight.InsightFixtures.noonOf;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A sharer's shares, the visitors they reached, the members they brought and what those bought, through the intake and the topics. */
@InsightIntegrationTest
class SharersTest {
    /** A day no other test's facts fall on (theirs are 1993–1998, 2001–2017, 2019 and the last year). */
    private static final LocalDate DAY = LocalDate.of(1992, 9, 9);

    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> sharers(String token, String query) {
        return facts.get(token, "/admin/insights/sharers" + query);
    }

    private static Map<String, Object> opened(long sharer) {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "share_open", "sharerId", Long.toString(sharer), "at", noonOf(DAY));
    }

    @Test
    void aSharerIsCreditedWithDistinctVisitorsTheMembersTheyBroughtAndWhatThoseBought() {
        long sharer = someMember();
        long invitee = someMember();
        String device = "koc-" + UUID.randomUUID();
        facts.send(TestTokens.shopper(sharer), Map.of("events", List.of(
                Map.of("eventId", UUID.randomUUID().toString(), "type", "share", "at", noonOf(DAY)), opened(sharer))));
        facts.send(null, Map.of("deviceId", device, "events", List.of(opened(sharer), opened(sharer))));
        facts.send(TestTokens.shopper(invitee), Map.of("events", List.of(opened(sharer))));
        facts.registered(invitee, DAY, "share", sharer);
        facts.paid(invitee, DAY, 2_500);
        facts.paid(invitee, DAY, 1_500);

        String query = "?from=" + DAY + "&to=" + DAY;
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            List<Map<String, Object>> listed = (List<Map<String, Object>>) sharers(TestTokens.merchant(1), query).getBody().get("sharers");
            return listed.size() == 1 && ((Number) listed.get(0).get("gmv")).intValue() == 4_000
                    && ((Number) listed.get(0).get("reached")).intValue() == 2 && ((Number) listed.get(0).get("registrations")).intValue() == 1;
        });
        Map<String, Object> view = sharers(TestTokens.merchant(1), query).getBody();
        // their own open of their share is not a visitor reached; the device that opened twice is one
        assertThat((List<Map<String, Object>>) view.get("sharers")).singleElement().satisfies(row -> assertThat(row)
                .containsEntry("memberId", Long.toString(sharer)).containsEntry("shares", 1).containsEntry("reached", 2)
                .containsEntry("registrations", 1).containsEntry("orders", 2).containsEntry("gmv", 4_000));
        assertThat((Map<String, Object>) view.get("totals")).containsEntry("sharers", 1).containsEntry("orders", 2);
    }

    @Test
    void anUnknownRankingTooLongAListOrAnotherRoleIsRefused() {
        assertThat(sharers(TestTokens.merchant(1), "?by=LIKES").getStatusCode().value()).isEqualTo(400);
        assertThat(sharers(TestTokens.merchant(1), "?limit=201").getStatusCode().value()).isEqualTo(400);
        assertThat(sharers(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(sharers(TestTokens.merchant(1), "?by=GMV").getStatusCode().value()).isEqualTo(200);
    }
}
