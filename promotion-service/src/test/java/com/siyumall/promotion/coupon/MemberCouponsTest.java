package com.siyumall.promotion.coupon;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.promotion.support.PromotionApi;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

/** A member's coupons as the merchant reads them on the member's card: every one they hold, named, newest first. */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class MemberCouponsTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;

    private ResponseEntity<String> call(HttpMethod method, String path, String token) {
        return new PromotionApi(http).call(method, path, token, null);
    }

    private String template(String name) throws Exception {
        ResponseEntity<String> created = new PromotionApi(http).call(HttpMethod.POST, "/admin/coupon-templates", TestTokens.merchant(1),
                Map.of("name", name, "type", "NO_THRESHOLD", "amountOff", 500, "scope", "ALL", "validDays", 7, "totalQuantity", 10,
                        "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE")));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return json.readTree(created.getBody()).path("templateId").asText();
    }

    @Test
    void theMerchantReadsEveryCouponAMemberHoldsAndOnlyTheMerchant() throws Exception {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        String mark = UUID.randomUUID().toString().substring(0, 6);
        String older = template("先领-" + mark);
        String newer = template("后领-" + mark);
        assertThat(call(HttpMethod.POST, "/api/coupons/" + older + "/claim", TestTokens.shopper(member)).getStatusCode().value()).isEqualTo(201);
        assertThat(call(HttpMethod.POST, "/api/coupons/" + newer + "/claim", TestTokens.shopper(member)).getStatusCode().value()).isEqualTo(201);

        ResponseEntity<String> answer = call(HttpMethod.GET, "/admin/coupons?memberId=" + member, TestTokens.operator(1));
        assertThat(answer.getStatusCode().value()).as(answer.getBody()).isEqualTo(200);
        JsonNode coupons = json.readTree(answer.getBody());
        assertThat(coupons.path("total").asLong()).isEqualTo(2);
        assertThat(coupons.path("items").findValuesAsText("templateName")).containsExactly("后领-" + mark, "先领-" + mark);
        assertThat(coupons.path("items").findValuesAsText("status")).containsOnly("UNUSED");
        assertThat(json.readTree(call(HttpMethod.GET, "/admin/coupons?status=USED&memberId=" + member, TestTokens.merchant(1)).getBody())
                .path("total").asLong()).isZero();

        assertThat(call(HttpMethod.GET, "/admin/coupons", TestTokens.merchant(1)).getStatusCode().value()).isEqualTo(400);
        assertThat(call(HttpMethod.GET, "/admin/coupons?memberId=" + member + "&status=GONE", TestTokens.merchant(1)).getStatusCode().value())
                .isEqualTo(400);
        assertThat(call(HttpMethod.GET, "/admin/coupons?memberId=" + member, TestTokens.shopper(member)).getStatusCode().value()).isEqualTo(403);
    }
}
