package com.siyumall.insight.paths;

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

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Sessions and page steps through the real intake: a session crossing midnight, an event arriving late, and a device
 * whose earlier pages become a member's when they log in.
 */
@InsightIntegrationTest
class PathsTest {
    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> paths(String token, String query) {
        return facts.get(token, "/admin/insights/paths" + query);
    }

    private static Map<String, Object> event(String page, LocalDate day, String time) {
        return Map.of("eventId", UUID.randomUUID().toString(), "type", "page_view", "page", page, "at", day + "T" + time + "+08:00");
    }

    private Map<String, Object> view(LocalDate from, LocalDate to) {
        return paths(TestTokens.merchant(1), "?from=" + from + "&to=" + to).getBody();
    }

    @Test
    void aSessionCrossingMidnightIsOneAndALateEventMovesWhereItEnds() {
        LocalDate day = LocalDate.of(1993, 5, 10);
        String device = "paths-" + UUID.randomUUID();
        facts.send(null, Map.of("deviceId", device, "events", List.of(event("pages/index", day, "23:40:00"),
                event("pages/product", day, "23:50:00"), event("pages/cart", day.plusDays(1), "00:10:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) view(day, day.plusDays(1)).get("steps")).intValue() == 2);

        Map<String, Object> first = view(day, day);
        assertThat(first).containsEntry("sessions", 1).containsEntry("steps", 1);
        assertThat(pages(first, "entries")).containsExactly(Map.entry("pages/index", 1L));
        assertThat(pages(first, "exits")).as("the session goes on after midnight").isEmpty();
        Map<String, Object> second = view(day.plusDays(1), day.plusDays(1));
        assertThat(second).containsEntry("sessions", 0).containsEntry("steps", 1);
        assertThat((List<Map<String, Object>>) second.get("topSteps")).singleElement().satisfies(step ->
                assertThat(step).containsEntry("from", "pages/product").containsEntry("to", "pages/cart").containsEntry("steps", 1));
        assertThat(pages(second, "exits")).containsExactly(Map.entry("pages/cart", 1L));

        // 15 minutes after the cart, still the same session: it now ends on the coupon page
        facts.send(null, Map.of("deviceId", device, "events", List.of(event("pages/coupon", day.plusDays(1), "00:25:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) view(day.plusDays(1), day.plusDays(1)).get("steps")).intValue() == 2);
        assertThat(pages(view(day.plusDays(1), day.plusDays(1)), "exits")).containsExactly(Map.entry("pages/coupon", 1L));
        assertThat(view(day, day.plusDays(1))).containsEntry("sessions", 1);
    }

    @Test
    void aDevicesPagesBecomeTheMembersWhenTheyLogInDaysLaterAndJoinTheirSession() {
        LocalDate day = LocalDate.of(1993, 6, 14);
        String device = "paths-" + UUID.randomUUID();
        long member = someMember();
        facts.send(null, Map.of("deviceId", device, "events", List.of(event("pages/index", day, "10:00:00"))));
        facts.send(TestTokens.shopper(member), Map.of("events", List.of(event("pages/me", day, "10:05:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) view(day, day).get("sessions")).intValue() == 2);
        assertThat(view(day, day)).as("a device and a member not known to be one").containsEntry("steps", 0);

        // five days later the member logs in on that device: nothing new happens on the first day, yet it is read anew
        facts.send(TestTokens.shopper(member), Map.of("deviceId", device, "events", List.of(event("pages/index", day.plusDays(5), "09:00:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) view(day, day).get("sessions")).intValue() == 1);
        Map<String, Object> stitched = view(day, day);
        assertThat(stitched).containsEntry("steps", 1);
        assertThat(pages(stitched, "entries")).containsExactly(Map.entry("pages/index", 1L));
        assertThat(pages(stitched, "exits")).containsExactly(Map.entry("pages/me", 1L));
    }

    @Test
    void tooLongALimitOrAnotherRoleIsRefused() {
        assertThat(paths(TestTokens.merchant(1), "?limit=101").getStatusCode().value()).isEqualTo(400);
        assertThat(paths(TestTokens.merchant(1), "?from=2020-01-01&to=2020-06-01").getBody()).containsEntry("code", "REPORT_PERIOD_INVALID");
        assertThat(paths(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(paths(null, "").getStatusCode().value()).isEqualTo(401);
    }

    private static Map<String, Long> pages(Map<String, Object> view, String list) {
        Map<String, Long> found = new java.util.LinkedHashMap<>();
        for (Map<String, Object> row : (List<Map<String, Object>>) view.get(list)) {
            found.put((String) row.get("page"), ((Number) row.get("sessions")).longValue());
        }
        return found;
    }
}
