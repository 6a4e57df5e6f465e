package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A coupon for a tagged audience, and the pay-success coupon, set in the console and seen by shoppers as the API serves them. */
class CouponAudienceInChromiumTest extends ConsoleInChromium {

    private List<String> availableTo(String shopper) throws Exception {
        return mall.send("GET", "/api/coupons/available", shopper, null, Map.of(), 200).findValuesAsText("name");
    }

    @Test
    void aMerchantMakesACouponForTaggedMembersAndTheOneGivenAfterPaying() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        String tag = "高净值" + suffix();
        JsonNode tagged = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-ca" + suffix()), Map.of(), 200);
        mall.send("PUT", "/admin/members/" + tagged.path("memberId").asText() + "/tags", token, Map.of("tags", List.of(tag)), Map.of(), 200);
        String untagged = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-cu" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        JsonNode offerBefore = mall.send("GET", "/admin/coupon-templates/pay-success-offer", token, null, Map.of(), 200);
        String name = "标签专享" + suffix();
        try {
            logIn("admin", merchant, PASSWORD);
            page.locator("[data-test='menu-/coupons']").click();
            page.locator("[data-test=new-template]").click();
            page.locator("input[data-test=template-name]").fill(name);
            page.locator("input[data-test=amount-off]").fill("20");
            page.locator("[data-test=channel-PAY_SUCCESS]").click();
            page.locator("[data-test=template-audience]").click();
            choose("标签人群");
            page.locator("[data-test=save-template]").click();
            // a tagged audience without its tag is refused
            assertThat(page.locator("[data-test=template-error]")).isVisible();
            page.locator("input[data-test=template-audience-value]").fill(tag);
            page.locator("[data-test=save-template]").click();
            assertThat(page.locator("[data-test=templates]")).containsText(name);
            await().until(() -> availableTo(tagged.path("accessToken").asText()).contains(name)); // the tag reaches promotion by event
            assertThat(availableTo(untagged)).doesNotContain(name);

            page.reload();
            page.locator("[data-test=pay-offer-template]").click();
            choose(name);
            // on, whatever it was before (the switch shows the offer as it stands)
            if (!page.locator("[data-test=pay-offer-enabled]").getAttribute("class").contains("is-checked")) {
                page.locator("[data-test=pay-offer-enabled]").click();
            }
            page.locator("[data-test=save-pay-offer]").click();
            assertThat(page.locator("[data-test=pay-offer-saved]")).isVisible();
            JsonNode offer = mall.send("GET", "/admin/coupon-templates/pay-success-offer", token, null, Map.of(), 200);
            assertThat(offer.path("enabled").asBoolean()).isTrue();
            assertThat(offer.path("templateId").asText()).isEqualTo(mall.send("GET", "/admin/coupon-templates?size=100", token, null, Map.of(), 200)
                    .path("items").findParents("name").stream().filter(t -> t.path("name").asText().equals(name)).findFirst().orElseThrow()
                    .path("templateId").asText());
            shoot("coupons");
        } finally {
            mall.send("PUT", "/admin/coupon-templates/pay-success-offer", token, offerBefore, Map.of(), 200);
        }
    }
}
