package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** First-purchase activities, repurchase rules and group-buys in the console: created from forms, listed, stopped. */
class ActivitiesInChromiumTest extends ConsoleInChromium {

    private JsonNode newest(String path, String token, String name) throws Exception {
        for (JsonNode item : mall.send("GET", path + "?size=20", token, null, Map.of(), 200).path("items")) {
            if (item.path("name").asText().equals(name)) {
                return item;
            }
        }
        throw new AssertionError(name + " is not among the newest of " + path);
    }

    private void period(String from, String to) {
        page.locator("[data-test=activity-form] .el-range-input").first().fill(from);
        page.locator("[data-test=activity-form] .el-range-input").last().fill(to);
        page.locator("[data-test=activity-form] .el-range-input").last().press("Enter");
        page.locator("input[data-test=activity-name]").click();
    }

    private void pickSku(String picker, String productName) {
        page.locator(picker + " input").fill(productName);
        choose(productName);
    }

    @Test
    void aMerchantRunsAFirstPurchasePriceARepurchaseCouponAndAGroupBuyAndStopsThem() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        String suffix = suffix();
        String productName = "活动连衣裙" + suffix;
        String skuId = productWithSku(token, productName, 19_900, 50);
        String templateName = "复购券" + suffix;
        mall.send("POST", "/admin/coupon-templates", token, Map.of("name", templateName, "type", "NO_THRESHOLD", "amountOff", 1000,
                "scope", "ALL", "validDays", 30, "totalQuantity", 100, "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE")), Map.of(), 201);
        List<String[]> started = new ArrayList<>();
        try {
            logIn("admin", merchant, PASSWORD);
            page.locator("[data-test='menu-/activities']").click();

            // a first-purchase price: the API refuses the price it cannot read on that row, then takes the corrected one
            String firstPurchase = "新人首单价" + suffix;
            page.locator("[data-test=new-first-purchase]").click();
            page.locator("input[data-test=activity-name]").fill(firstPurchase);
            period("2027-01-01 00:00:00", "2027-01-31 23:59:59");
            pickSku("[data-test=price-0] [data-test=price-sku]", productName);
            page.locator("[data-test=price-0] input[data-test=price-yuan]").fill("9.9x");
            page.locator("[data-test=save-activity]").click();
            assertThat(page.locator("[data-test=price-0] .el-form-item__error")).isVisible();
            shoot("activity-form");
            page.locator("[data-test=price-0] input[data-test=price-yuan]").fill("99");
            page.locator("[data-test=save-activity]").click();
            assertThat(page.locator("[data-test=first-purchases]")).containsText(firstPurchase);
            JsonNode fp = newest("/admin/first-purchase-activities", token, firstPurchase);
            started.add(new String[] {"/admin/first-purchase-activities", fp.path("id").asText()});
            assertThat(fp.path("startsAt").asText()).isEqualTo("2027-01-01T00:00:00+08:00");
            assertThat(fp.path("prices").path(skuId).asLong()).isEqualTo(9_900);

            // a coupon after the second paid order, valid from day 7 to day 30
            page.locator("#tab-repurchase").click();
            String rule = "二单返券" + suffix;
            page.locator("[data-test=new-repurchase]").click();
            page.locator("input[data-test=activity-name]").fill(rule);
            page.locator("[data-test=activity-coupon]").click();
            choose(templateName);
            page.locator("input[data-test=valid-from]").fill("7");
            page.locator("[data-test=save-activity]").click();
            assertThat(page.locator("[data-test=repurchases]")).containsText(rule);
            assertThat(page.locator("[data-test=repurchases]")).containsText(templateName);
            JsonNode repurchase = newest("/admin/repurchase-rules", token, rule);
            started.add(new String[] {"/admin/repurchase-rules", repurchase.path("id").asText()});
            assertThat(repurchase.path("nthOrder").asInt()).isEqualTo(2);
            assertThat(repurchase.path("validFromDay").asInt()).isEqualTo(7);
            assertThat(repurchase.path("validToDay").asInt()).isEqualTo(30);

            // a two-person group-buy of the dress at ¥99
            page.locator("#tab-group-buy").click();
            String groupBuy = "两人拼" + suffix;
            page.locator("[data-test=new-group-buy]").click();
            page.locator("input[data-test=activity-name]").fill(groupBuy);
            pickSku("[data-test=group-sku]", productName);
            page.locator("input[data-test=group-price]").fill("99");
            period("2027-02-01 10:00:00", "2027-02-07 22:00:00");
            page.locator("[data-test=save-activity]").click();
            assertThat(page.locator("[data-test=group-buys]")).containsText(groupBuy);
            assertThat(page.locator("[data-test=group-buys]")).containsText("¥99.00");
            JsonNode group = newest("/admin/group-buy-activities", token, groupBuy);
            started.add(new String[] {"/admin/group-buy-activities", group.path("id").asText()});
            assertThat(group.path("skuId").asText()).isEqualTo(skuId);
            assertThat(group.path("groupPrice").asLong()).isEqualTo(9_900);
            shoot("activities");

            page.locator("[data-test=stop-" + group.path("id").asText() + "]").click();
            assertThat(page.locator("[data-test=stop-" + group.path("id").asText() + "]")).hasCount(0);
            assertThat(newest("/admin/group-buy-activities", token, groupBuy).path("status").asText()).isEqualTo("STOPPED");
        } finally {
            // activities apply to every shopper of the shared mall: none of these outlives the test
            for (String[] activity : started) {
                mall.send("POST", activity[0] + "/" + activity[1] + "/stop", token, null, Map.of(), 200);
            }
        }
    }

    @Test
    void anOperatorSeesTheActivitiesButStartsAndStopsNone() throws Exception {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        page.locator("[data-test='menu-/activities']").click();
        assertThat(page.locator("[data-test=first-purchases]")).isVisible();
        assertThat(page.locator("[data-test=new-first-purchase]")).hasCount(0);
        page.locator("#tab-repurchase").click();
        assertThat(page.locator("[data-test=new-repurchase]")).hasCount(0);
        mall.send("POST", "/admin/repurchase-rules", tokenOf(operator), Map.of("name", "x", "kind", "POINTS_WITHIN_WINDOW",
                "windowDays", 30, "pointsMultiplierPercent", 200), Map.of(), 403);
    }
}
