package com.siyumall.insight.guides;

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
import java.util.concurrent.ThreadLocalRandom;

import static com.siyumall.insight.InsightFixtures.noonOf;
import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A guide's scans, registrations, bindings, customers and attributed orders, from the facts of three services. */
@InsightIntegrationTest
class GuidePerformanceTest {
    /** Days no other test's facts fall on (theirs are 1992–1998, 2001–2017, 2019 and the last year). */
    private static final LocalDate DAY = LocalDate.of(1991, 4, 10);

    @Autowired
    InsightFixtures facts;

    private static long someId() {
        return ThreadLocalRandom.current().nextLong(100_000, 900_000);
    }

    private void scanned(long storeId, long guideId) {
        facts.send(null, Map.of("deviceId", "scan-" + UUID.randomUUID(), "events", List.of(Map.of("type", "qrcode_scan", "at", noonOf(DAY),
                "props", Map.of("guideId", Long.toString(guideId), "storeId", Long.toString(storeId))))));
    }

    private Map<String, Object> rowOf(String query, long id) {
        List<Map<String, Object>> rows = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/guides" + query).getBody().get("rows");
        return rows.stream().filter(r -> r.get("id").equals(Long.toString(id))).findFirst().orElse(Map.of());
    }

    @Test
    void aGuidesScansRegistrationsBindingsCustomersAndAttributedOrders() {
        long store = someId();
        long guide = someId();
        long otherGuide = someId();
        long otherStore = someId();
        long walkIn = someMember();
        long movedOn = someMember();
        for (int i = 0; i < 3; i++) {
            scanned(store, guide);
        }
        facts.registeredThrough(walkIn, DAY, store, guide);
        facts.bound(walkIn, DAY, store, guide);
        facts.bound(movedOn, DAY, store, guide);
        facts.bound(movedOn, DAY.plusDays(1), otherStore, otherGuide);
        facts.paidThrough(walkIn, DAY, 3_000, store, guide);
        facts.paidThrough(walkIn, DAY.plusDays(1), 2_000, store, guide);
        facts.paid(movedOn, DAY.plusDays(1), 9_999); // not attributed to anyone
        long gift = ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
        facts.couponIssued(gift, someId(), "导购礼券", movedOn, "GUIDE", guide, store, DAY);
        facts.couponIssued(gift + 1, someId(), "导购礼券", walkIn, "GUIDE", guide, store, DAY);
        facts.paidWithCoupon(movedOn, DAY.plusDays(1), 1_000, gift);

        String query = "?from=" + DAY + "&to=" + DAY.plusDays(1);
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            Map<String, Object> row = rowOf(query, guide);
            return row.get("scans") instanceof Integer scans && scans == 3 && row.get("gmv").equals(5_000)
                    && row.get("boundMembers").equals(2) && row.get("newMembers").equals(1) && row.get("customers").equals(1)
                    && rowOf(query, otherGuide).get("customers") instanceof Integer moved && moved == 1
                    && row.get("couponsUsed").equals(1);
        });
        assertThat(rowOf(query, guide)).containsEntry("registrationsPerScan", 0.3333).containsEntry("couponsIssued", 2)
                .containsEntry("couponsUsed", 1).containsEntry("orders", 2)
                .containsEntry("payingMembers", 1).containsEntry("gmv", 5_000);
        assertThat(rowOf(query + "&by=STORE", store)).containsEntry("scans", 3).containsEntry("newMembers", 1)
                .containsEntry("boundMembers", 2).containsEntry("customers", 1).containsEntry("couponsIssued", 2).containsEntry("gmv", 5_000);
        assertThat(rowOf("?from=" + DAY + "&to=" + DAY, guide)).as("before the member moved on").containsEntry("customers", 2)
                .containsEntry("gmv", 3_000);

        Map<String, Object> mine = facts.get(TestTokens.guide(guide, store), "/guide/insights/performance" + query).getBody();
        assertThat(mine).containsEntry("id", Long.toString(guide)).containsEntry("scans", 3).containsEntry("gmv", 5_000);
        Map<String, Object> someoneElse = facts.get(TestTokens.guide(someId(), store), "/guide/insights/performance" + query).getBody();
        assertThat(someoneElse).as("a guide sees only their own").containsEntry("scans", 0).containsEntry("gmv", 0).containsEntry("customers", 0);
    }

    @Test
    void onlyTheMerchantSeesEveryGuideAndOnlyAGuideTheirOwn() {
        assertThat(facts.get(TestTokens.guide(someId(), someId()), "/admin/insights/guides").getStatusCode().value()).isEqualTo(403);
        assertThat(facts.get(TestTokens.merchant(1), "/guide/insights/performance").getStatusCode().value()).isEqualTo(403);
        assertThat(facts.get(TestTokens.shopper(someMember()), "/guide/insights/performance").getStatusCode().value()).isEqualTo(403);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/guides?by=REGION").getStatusCode().value()).isEqualTo(400);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/guides?by=STORE&limit=501").getStatusCode().value()).isEqualTo(400);
    }
}
