package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

/** Subscription messages in the console: a campaign pushed to a tag reaches the subscribed and skips the rest. */
class SubscriptionsInChromiumTest extends ConsoleInChromium {

    private static JsonNode campaignTemplate(String token) throws Exception {
        for (JsonNode template : mall.send("GET", "/admin/subscription-templates", token, null, Map.of(), 200)) {
            if (template.path("kind").asText().equals("CAMPAIGN")) {
                return template;
            }
        }
        throw new AssertionError("no CAMPAIGN template");
    }

    @Test
    void aMerchantPushesACampaignToATaggedSegment() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        // the campaign template as the mall ships it: other tests of the run (the API fuzz) may have changed it
        JsonNode before = campaignTemplate(token);
        mall.send("PUT", "/admin/subscription-templates/CAMPAIGN", token, Map.of("templateId", "tpl-campaign", "page", "pages/index/index",
                "enabled", true), Map.of(), 200);
        try {
            pushToATag(merchant, token);
        } finally {
            Map<String, Object> restore = new java.util.HashMap<>(Map.of("templateId", before.path("templateId").asText(),
                    "enabled", before.path("enabled").asBoolean()));
            if (before.hasNonNull("page")) {
                restore.put("page", before.path("page").asText());
            }
            mall.send("PUT", "/admin/subscription-templates/CAMPAIGN", token, restore, Map.of(), 200);
        }
    }

    private void pushToATag(String merchant, String token) throws Exception {
        String tag = "会员日" + suffix();
        for (boolean subscribed : new boolean[] {true, false}) {
            JsonNode shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-sb" + suffix()), Map.of(), 200);
            mall.send("PUT", "/admin/members/" + shopper.path("memberId").asText() + "/tags", token, Map.of("tags", List.of(tag)), Map.of(), 200);
            if (subscribed) {
                mall.send("POST", "/api/subscriptions", shopper.path("accessToken").asText(), Map.of("templateIds", List.of("tpl-campaign")),
                        Map.of(), 200);
            }
        }

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/subscriptions']").click();
        assertThat(page.locator("[data-test=subscription-templates]")).containsText("tpl-campaign");
        // a template without its WeChat id is refused on that field
        page.locator("[data-test=edit-template-CAMPAIGN]").click();
        page.locator("input[data-test=template-id]").fill("");
        page.locator("[data-test=save-template-id]").click();
        assertThat(page.locator("[data-test=template-dialog] .el-form-item__error")).isVisible();
        page.keyboard().press("Escape");

        page.locator("#tab-push").click();
        page.locator("input[data-test=push-tag]").fill(tag);
        page.locator("[data-test=data-0] input[data-test=data-value]").fill("会员日全场95折");
        page.locator("[data-test=send-push]").click();
        assertThat(page.locator("[data-test=push-targeted]")).hasText("2");
        assertThat(page.locator("[data-test=push-sent]")).hasText("1");
        shoot("subscription-push");
    }

    @Test
    void anOperatorReadsTheTemplatesAndPushesNothing() throws Exception {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String templateId = campaignTemplate(tokenOf(operator)).path("templateId").asText();
        logIn("admin", operator, PASSWORD);
        page.locator("[data-test='menu-/subscriptions']").click();
        assertThat(page.locator("[data-test=subscription-templates]")).containsText(templateId);
        assertThat(page.locator("#tab-push")).hasCount(0);
        assertThat(page.locator("[data-test=edit-template-CAMPAIGN]")).hasCount(0);
    }
}
