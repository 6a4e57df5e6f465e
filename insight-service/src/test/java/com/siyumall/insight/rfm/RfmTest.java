package com.siyumall.insight.rfm;

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

/** RFM segments and the pyramid from OrderPaid facts; the thresholds are the merchant's to set. */
@InsightIntegrationTest
class RfmTest {
    /** Days no other test's facts fall near (theirs are 1998, 2001–2017, 2019 and the last year). */
    private static final LocalDate AS_OF = LocalDate.of(1996, 6, 30);

    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> rfm(String token, String query) {
        return facts.get(token, "/admin/insights/rfm" + query);
    }

    @Test
    void buyersFallIntoTheSegmentOfTheirRecencyFrequencyAndMoney() {
        long loyal = someMember();   // recent, frequent, high value
        long lapsed = someMember();  // long ago, once, high value
        long small = someMember();   // recent, once, small
        facts.paid(loyal, AS_OF.minusDays(40), 5_000);
        facts.paid(loyal, AS_OF.minusDays(2), 5_000);
        facts.paid(lapsed, AS_OF.minusDays(200), 8_000);
        facts.paid(small, AS_OF.minusDays(1), 500);
        facts.paid(small, AS_OF.plusDays(1), 9_999); // after asOf: not counted

        String query = "?asOf=" + AS_OF + "&lookbackDays=365&monetary=4000";
        await().atMost(Duration.ofSeconds(30)).until(() -> ((Number) rfm(TestTokens.merchant(1), query).getBody().get("buyers")).intValue() == 3
                && ((Number) rfm(TestTokens.merchant(1), query).getBody().get("monetary")).intValue() == 18_500);
        Map<String, Object> view = rfm(TestTokens.merchant(1), query).getBody();
        Map<String, Integer> members = new java.util.HashMap<>();
        for (Map<String, Object> segment : (List<Map<String, Object>>) view.get("segments")) {
            members.put((String) segment.get("segment"), ((Number) segment.get("members")).intValue());
        }
        assertThat(members).containsEntry("IMPORTANT_VALUE", 1).containsEntry("IMPORTANT_WIN_BACK", 1).containsEntry("GENERAL_DEVELOP", 1)
                .containsEntry("IMPORTANT_DEVELOP", 0).hasSize(8);
        assertThat((Map<String, Object>) view.get("thresholds")).containsEntry("monetary", 4000).containsEntry("monetaryIsTheMean", false);

        // the default money line is the mean: 18,500 / 3 = 6,166 fen; only `lapsed` (8,000) is above it
        Map<String, Object> byMean = rfm(TestTokens.merchant(1), "?asOf=" + AS_OF + "&lookbackDays=365").getBody();
        assertThat((Map<String, Object>) byMean.get("thresholds")).containsEntry("monetary", 6166).containsEntry("monetaryIsTheMean", true);
        List<Map<String, Object>> pyramid = (List<Map<String, Object>>) byMean.get("pyramid");
        assertThat(pyramid.get(0)).containsEntry("tier", "CORE").containsEntry("members", 1).containsEntry("monetary", 10_000);
        assertThat(pyramid.get(1)).containsEntry("tier", "ACTIVE").containsEntry("members", 0);
        assertThat(pyramid.get(2)).containsEntry("tier", "ORDINARY").containsEntry("members", 2).containsEntry("minMonetary", 500);
    }

    @Test
    void aPyramidWithNoRoomForTheOrdinaryOrAnotherRoleIsRefused() {
        ResponseEntity<Map> full = rfm(TestTokens.merchant(1), "?corePercent=50&activePercent=50");
        assertThat(full.getStatusCode().value()).isEqualTo(400);
        assertThat(full.getBody()).containsEntry("code", "PYRAMID_INVALID");
        assertThat(rfm(TestTokens.merchant(1), "?frequency=0").getStatusCode().value()).isEqualTo(400);
        assertThat(rfm(TestTokens.shopper(someMember()), "").getStatusCode().value()).isEqualTo(403);
        assertThat(rfm(TestTokens.merchant(1), "").getStatusCode().value()).isEqualTo(200);
    }
}
