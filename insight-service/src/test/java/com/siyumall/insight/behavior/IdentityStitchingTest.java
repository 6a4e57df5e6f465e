package com.siyumall.insight.behavior;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.siyumall.insight.InsightFixtures.someDayOfThePast;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A device's anonymous visit and what its member did after logging in are one visitor's path in every report. */
@InsightIntegrationTest
class IdentityStitchingTest {
    @Autowired
    InsightFixtures facts;

    private int visitors(LocalDate day) {
        return ((Number) ((Map<String, Object>) facts.get(TestTokens.merchant(1), "/admin/insights/dashboard?day=" + day).getBody()
                .get("today")).get("visitors")).intValue();
    }

    @Test
    void aDevicesVisitBeforeLoginIsTheMembersOnceTheMembersBatchCarriesTheDevice() {
        LocalDate day = someDayOfThePast();
        long member = someMember();
        String device = "stitch-" + UUID.randomUUID();
        facts.registered(member, day.minusDays(1));
        // the next morning, before logging in: anonymous
        facts.send(null, Map.of("deviceId", device, "events", List.of(
                Map.of("type", "page_view", "at", day + "T09:00:00+08:00"),
                Map.of("type", "product_view", "at", day + "T09:01:00+08:00", "spuId", "5"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> visitors(day) == 1);

        // logged in, the same install: the member's batch carries the device
        facts.send(TestTokens.shopper(member), Map.of("deviceId", device, "events", List.of(
                Map.of("type", "add_cart", "at", day + "T09:05:00+08:00", "spuId", "5"))));
        String funnel = "/admin/insights/funnel?steps=page_view,product_view,add_cart&from=" + day + "&to=" + day;
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) ((List<Map<String, Object>>) facts.get(TestTokens.merchant(1), funnel)
                .getBody().get("steps")).get(2).get("visitors")).intValue() == 1);

        assertThat(visitors(day)).as("one visitor, not a device and a member").isEqualTo(1);
        assertThat((List<Map<String, Object>>) facts.get(TestTokens.merchant(1), funnel).getBody().get("steps"))
                .extracting(step -> step.get("visitors")).containsExactly(1, 1, 1);
        // the anonymous morning visit is the member's return the day after registering
        Map<String, Object> cohort = ((List<Map<String, Object>>) facts.get(TestTokens.merchant(1),
                "/admin/insights/retention?from=" + day.minusDays(1) + "&to=" + day.minusDays(1)).getBody().get("cohorts")).get(0);
        assertThat((Map<String, Object>) ((Map<String, Object>) cohort.get("returned")).get("d1")).containsEntry("members", 1);
    }

    @Test
    void theFirstMemberSeenOnADeviceKeepsIt() {
        LocalDate day = someDayOfThePast();
        long first = someMember();
        long second = someMember();
        String device = "shared-" + UUID.randomUUID();
        // the anonymous visit on `day` is the first member's D1 return, or would be the second's D3 had the device moved
        facts.registered(first, day.minusDays(1));
        facts.registered(second, day.minusDays(3));
        facts.send(null, Map.of("deviceId", device, "events", List.of(Map.of("type", "page_view", "at", day + "T08:00:00+08:00"))));
        facts.send(TestTokens.shopper(first), Map.of("deviceId", device, "events", List.of(Map.of("type", "page_view", "at", day.plusDays(5) + "T10:00:00+08:00"))));
        String firstCohort = "/admin/insights/retention?from=" + day.minusDays(1) + "&to=" + day.minusDays(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> returned(firstCohort, "d1") == 1);

        facts.send(TestTokens.shopper(second), Map.of("deviceId", device, "events", List.of(Map.of("type", "page_view", "at", day.plusDays(6) + "T11:00:00+08:00"))));
        await().atMost(Duration.ofSeconds(30)).until(() -> visitors(day.plusDays(6)) == 1);

        assertThat(returned(firstCohort, "d1")).isEqualTo(1);
        assertThat(returned("/admin/insights/retention?from=" + day.minusDays(3) + "&to=" + day.minusDays(3), "d3")).isZero();
    }

    private int returned(String report, String dn) {
        List<Map<String, Object>> cohorts = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), report).getBody().get("cohorts");
        if (cohorts.isEmpty()) {
            return -1;
        }
        return ((Number) ((Map<String, Object>) ((Map<String, Object>) cohorts.get(0).get("returned")).get(dn)).get("members")).intValue();
    }
}
