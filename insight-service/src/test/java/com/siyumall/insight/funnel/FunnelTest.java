package com.siyumall.insight.funnel;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** What a funnel refuses: fewer than two or more than eight steps, a malformed type, a window out of range; and who may ask. */
@InsightIntegrationTest
class FunnelTest {
    @Autowired
    InsightFixtures facts;

    private ResponseEntity<Map> funnel(String token, String query) {
        return facts.get(token, "/admin/insights/funnel" + query);
    }

    @Test
    void aMalformedFunnelIsRefusedWithAClearError() {
        String merchant = TestTokens.merchant(1);
        assertThat(funnel(merchant, "?steps=page_view").getStatusCode().value()).isEqualTo(400);
        assertThat(funnel(merchant, "?steps=a,b,c,d,e,f,g,h,i").getStatusCode().value()).isEqualTo(400);
        ResponseEntity<Map> badType = funnel(merchant, "?steps=page_view,DROP%20TABLE");
        assertThat(badType.getStatusCode().value()).isEqualTo(400);
        assertThat(badType.getBody()).containsEntry("code", "VALIDATION_FAILED");
        assertThat(funnel(merchant, "?steps=page_view,add_cart&windowHours=0").getStatusCode().value()).isEqualTo(400);
        assertThat(funnel(merchant, "?steps=page_view,add_cart&windowHours=721").getStatusCode().value()).isEqualTo(400);
        assertThat(funnel(merchant, "?steps=page_view,add_cart&channel=a%27b").getStatusCode().value()).isEqualTo(400);
        assertThat(funnel(merchant, "?steps=page_view,add_cart&from=2025-01-01&to=2025-06-01").getStatusCode().value()).isEqualTo(400);
        assertThat(funnel(merchant, "?steps=page_view,add_cart").getStatusCode().value()).isEqualTo(200);
        assertThat(funnel(TestTokens.shopper(7), "?steps=page_view,add_cart").getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void aChannelNarrowsTheFirstStep() {
        Map<String, Object> view = funnel(TestTokens.merchant(1), "?steps=page_view,add_cart&channel=nowhere&from=2019-03-01&to=2019-04-29")
                .getBody();
        assertThat(view).containsEntry("channel", "nowhere");
        assertThat((java.util.List<Map<String, Object>>) view.get("steps")).extracting(s -> s.get("visitors")).containsExactly(0, 0);
    }
}
