package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** The points mall in the console: a coupon put up for points, restocked, taken off the shelf; operators only look. */
class PointsMallInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantPutsACouponUpForPointsRestocksItAndTakesItDown() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        String suffix = suffix();
        String templateName = "积分券" + suffix;
        mall.send("POST", "/admin/coupon-templates", token, Map.of("name", templateName, "type", "NO_THRESHOLD", "amountOff", 500,
                "scope", "ALL", "validDays", 30, "totalQuantity", 100, "perMemberLimit", 5, "channels", List.of("CLAIM_CENTRE")), Map.of(), 201);
        String itemName = "5元券兑换" + suffix;

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/points-mall']").click();
        page.locator("[data-test=new-item]").click();
        page.locator("input[data-test=item-name]").fill(itemName);
        page.locator("input[data-test=item-price]").fill("500");
        page.locator("input[data-test=item-stock]").fill("10");
        page.locator("[data-test=save-item]").click();
        // a coupon item without its coupon is refused, and says why
        assertThat(page.locator("[data-test=item-error]")).isVisible();
        page.locator("[data-test=item-coupon]").click();
        choose(templateName);
        page.locator("[data-test=save-item]").click();
        assertThat(page.locator("[data-test=item-form]")).isHidden();
        assertThat(page.locator("[data-test=points-items]")).containsText(itemName);

        JsonNode item = null;
        for (JsonNode i : mall.send("GET", "/admin/points-mall/items?size=100", token, null, Map.of(), 200).path("items")) {
            if (i.path("name").asText().equals(itemName)) {
                item = i;
            }
        }
        assertThat(item).as("created once").isNotNull();
        String itemId = item.path("id").asText();
        assertThat(item.path("pointsPrice").asLong()).isEqualTo(500);

        page.locator("[data-test=restock-" + itemId + "]").click();
        page.locator("input[data-test=restock-delta]").fill("5");
        page.locator("[data-test=save-restock]").click();
        assertThat(page.locator("[data-test=stock-" + itemId + "]")).hasText("15 / 15");
        shoot("points-mall");

        page.locator("[data-test=off-" + itemId + "]").click();
        assertThat(page.locator("[data-test=on-" + itemId + "]")).isVisible();
        assertThat(mall.send("GET", "/api/points-mall/items?size=100", null, null, Map.of(), 200).path("items").findValuesAsText("id"))
                .doesNotContain(itemId);
    }

    @Test
    void anOperatorSeesTheShelfButChangesNothing() throws Exception {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        page.locator("[data-test='menu-/points-mall']").click();
        assertThat(page.locator("[data-test=points-items]")).isVisible();
        assertThat(page.locator("[data-test=new-item]")).hasCount(0);
    }
}
