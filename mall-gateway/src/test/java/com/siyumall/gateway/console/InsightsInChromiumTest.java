package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The insight reports as charts in the console: acquisition, funnel, RFM and lifecycle, drawn from the mall's own facts. */
class InsightsInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantReadsWhereMembersCameFromHowTheyConvertAndWhereTheyStand() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String token = tokenOf(merchant);
        String channel = "ins" + suffix();
        String shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-" + channel, "scene", 1007, "channel", channel),
                Map.of(), 200).path("accessToken").asText();
        aShopperBuys(shopper, productWithSku(tokenOf(mall.openMerchantAccount(Role.MERCHANT, PASSWORD)), "洞察商品" + suffix(), 8_800, 5));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        await().until(() -> {
            for (JsonNode row : mall.send("GET", "/admin/insights/acquisition?by=CHANNEL&from=" + today + "&to=" + today, token, null,
                    Map.of(), 200).path("sources")) {
                if (channel.equals(row.path("source").asText()) && row.path("firstPurchaseIn7Days").asInt() == 1) {
                    return true;
                }
            }
            return false;
        });

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/insights']").click();
        assertThat(page.locator("[data-test=acquisition-chart] canvas")).isVisible();
        assertThat(page.locator("[data-test=acquisition-sources]")).containsText(channel);
        shoot("insights-acquisition");

        page.locator("#tab-funnel").click();
        assertThat(page.locator("[data-test=funnel-chart] canvas")).isVisible();
        assertThat(page.locator("[data-test=funnel-table] .el-table__body tr")).hasCount(3);
        assertThat(page.locator("[data-test=funnel-table]")).containsText("product_view");

        page.locator("#tab-rfm").click();
        assertThat(page.locator("[data-test=rfm-chart] canvas")).isVisible();
        assertThat(page.locator("[data-test=rfm-thresholds]")).containsText("R ≤ 30");
        assertThat(page.locator("[data-test=rfm-pyramid]")).containsText("核心");
        shoot("insights-rfm");

        page.locator("#tab-lifecycle").click();
        assertThat(page.locator("[data-test=lifecycle-chart] canvas")).isVisible();
        assertThat(page.locator("[data-test=lifecycle-weeks] .el-table__body tr")).hasCount(8);
        shoot("insights-lifecycle");
    }
}
