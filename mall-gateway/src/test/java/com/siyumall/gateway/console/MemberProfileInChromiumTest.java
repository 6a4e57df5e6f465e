package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A member's card in the console: where they came from, their guide, level and points, and their orders, points and coupons. */
class MemberProfileInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantOpensAMembersCardFromTheListAndTagsThem() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        String suffix = suffix();
        String guideName = "档案导购" + suffix;
        String[] storeAndGuide = storeWithGuide(token, "档案门店" + suffix, "pg-" + suffix, guideName);
        JsonNode shopper = customerOf(storeAndGuide[0], storeAndGuide[1]);
        String memberId = shopper.path("memberId").asText();
        String shopperToken = shopper.path("accessToken").asText();
        mall.send("POST", "/api/check-ins", shopperToken, null, Map.of(), 200);
        String templateName = "档案券" + suffix;
        String templateId = mall.send("POST", "/admin/coupon-templates", token, Map.of("name", templateName, "type", "NO_THRESHOLD",
                "amountOff", 500, "scope", "ALL", "validDays", 30, "totalQuantity", 10, "perMemberLimit", 1,
                "channels", List.of("CLAIM_CENTRE")), Map.of(), 201).path("templateId").asText();
        mall.send("POST", "/api/coupons/" + templateId + "/claim", shopperToken, null, Map.of(), 201);
        String orderNo = aShopperBuys(shopperToken, productWithSku(token, "档案商品" + suffix, 12_900, 5));
        long paid = paidFor(shopperToken, orderNo);
        await().until(() -> mall.send("GET", "/admin/members/" + memberId, token, null, Map.of(), 200).path("paidOrderCount").asInt() == 1);
        long points = mall.send("GET", "/admin/members/" + memberId, token, null, Map.of(), 200).path("points").asLong();

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/members']").click();
        page.locator("[data-test=member-guide]").click();
        choose(guideName);
        page.locator("[data-test=member-search]").click();
        page.locator("[data-test=member-" + memberId + "]").click();

        assertThat(page.locator("[data-test=member-guide-name]")).hasText(guideName);
        assertThat(page.locator("[data-test=member-source]")).hasText("guide · 1047");
        assertThat(page.locator("[data-test=member-points]")).hasText(String.valueOf(points));
        assertThat(page.locator("[data-test=member-paid-orders]")).hasText("1");
        assertThat(page.locator("[data-test=member-paid-amount]")).hasText(yuan(paid));
        assertThat(page.locator("[data-test=member-orders]")).containsText(orderNo);

        // tags the member: typed, saved at once, kept by the API
        page.locator("[data-test=member-tags]").click();
        page.locator("[data-test=member-tags] input").fill("高净值");
        choose("高净值");
        await().until(() -> mall.send("GET", "/admin/members/" + memberId + "/tags", token, null, Map.of(), 200).path("tags").toString()
                .contains("高净值"));
        page.keyboard().press("Escape");

        page.locator("#tab-points").click();
        long lines = mall.send("GET", "/admin/members/" + memberId + "/points-ledger", token, null, Map.of(), 200).path("total").asLong();
        assertThat(lines).as("the check-in and the purchase earned points").isPositive();
        assertThat(page.locator("[data-test=member-points-ledger] .el-table__body tr")).hasCount((int) Math.min(lines, 20));
        page.locator("#tab-coupons").click();
        assertThat(page.locator("[data-test=member-coupons]")).containsText(templateName);
        assertThat(page.locator("[data-test=member-coupons]")).containsText("UNUSED");
        shoot("member-profile");
    }

    @Test
    void aMemberWhoDoesNotExistIsSaidSo() {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        assertThat(page.locator("[data-test=menu]")).isVisible();
        page.navigate(mall.base + "/console/#/members/123");
        assertThat(page.locator("[data-test=member-error]")).isVisible();
        assertThat(page.locator("[data-test=member-card]")).hasCount(0);
    }
}
