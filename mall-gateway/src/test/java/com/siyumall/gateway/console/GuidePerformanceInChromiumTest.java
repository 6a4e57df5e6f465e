package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A guide's figures on their phone, and every guide's on the merchant's insights page: the same facts, both ways. */
class GuidePerformanceInChromiumTest extends ConsoleInChromium {

    @Test
    void aGuideSeesTheMemberTheirCodeBroughtAndWhatTheyBoughtAndSoDoesTheMerchant() throws Exception {
        String owner = merchantToken(Role.MERCHANT);
        String suffix = suffix();
        String guideName = "业绩导购" + suffix;
        String username = "pf-" + suffix;
        String[] storeAndGuide = storeWithGuide(owner, "业绩门店" + suffix, username, guideName);
        JsonNode customer = customerOf(storeAndGuide[0], storeAndGuide[1]);
        String orderNo = aShopperBuys(customer.path("accessToken").asText(), productWithSku(owner, "业绩商品" + suffix, 15_800, 5));
        long paid = paidFor(customer.path("accessToken").asText(), orderNo);
        String guideToken = mall.send("POST", "/guide/auth/login", null, Map.of("username", username, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
        await().until(() -> mall.send("GET", "/guide/insights/performance", guideToken, null, Map.of(), 200).path("gmv").asLong() == paid);

        onAPhone();
        logIn("guide", username, PASSWORD);
        page.waitForURL("**/console/#/guide/customers");
        page.locator("[data-test='menu-/guide/performance']").click();
        assertThat(page.locator("[data-test=figure-new-members] b")).hasText("1");
        assertThat(page.locator("[data-test=figure-orders] b")).hasText("1");
        assertThat(page.locator("[data-test=figure-gmv] b")).hasText(yuan(paid));
        shoot("guide-performance");

        context.close();
        openBrowser();
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/insights']").click();
        page.locator("#tab-guides").click();
        assertThat(page.locator("[data-test=guide-performance]")).containsText(guideName);
        assertThat(page.locator("[data-test=guide-performance]")).containsText(yuan(paid));
    }
}
