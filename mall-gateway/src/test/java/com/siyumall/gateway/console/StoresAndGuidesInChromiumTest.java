package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Stores and guides in the console: opening and closing stores, hiring, moving and disabling guides, handovers, the binding policy. */
class StoresAndGuidesInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantOpensAStoreHiresAGuideMovesThemAndHandsTheirCustomersOver() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        String suffix = suffix();
        String storeName = "静安门店" + suffix;
        String otherStoreName = "徐汇门店" + suffix;
        String otherStoreId = store(token, otherStoreName);
        String colleagueName = "接手导购" + suffix;
        String colleagueId = mall.send("POST", "/admin/guides", token, Map.of("username", "hc-" + suffix, "password", PASSWORD,
                "name", colleagueName, "storeId", otherStoreId), Map.of(), 201).path("guideId").asText();

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/stores']").click();
        page.locator("[data-test=new-store]").click();
        page.locator("input[data-test=store-name]").fill(storeName);
        page.locator("input[data-test=store-address]").fill("南京西路 1601 号");
        page.locator("input[data-test=store-latitude]").fill("131.23");
        page.locator("input[data-test=store-longitude]").fill("121.45");
        page.locator("[data-test=save-store]").click();
        // the API refuses a latitude past the pole and says so on that field; nothing was opened
        assertThat(page.locator("[data-test=store-form] .el-form-item__error")).isVisible();
        assertThat(mall.send("GET", "/admin/stores?keyword=" + encoded(storeName), token, null, Map.of(), 200).path("total").asInt()).isZero();
        page.locator("input[data-test=store-latitude]").fill("31.23");
        page.locator("[data-test=save-store]").click();
        assertThat(page.locator("[data-test=store-form]")).isHidden();
        assertThat(page.locator("[data-test=stores]")).containsText(storeName);
        assertThat(page.locator("[data-test=stores]")).containsText("10:00–22:00");
        JsonNode opened = mall.send("GET", "/admin/stores?keyword=" + encoded(storeName), token, null, Map.of(), 200).path("items");
        assertThat(opened).as("opened once").hasSize(1);
        String storeId = opened.get(0).path("storeId").asText();
        assertThat(opened.get(0).path("latitude").asDouble()).isEqualTo(31.23);
        shoot("stores");

        // hires a guide into it
        page.locator("#tab-guides").click();
        page.locator("[data-test=new-guide]").click();
        String username = "sg-" + suffix;
        page.locator("input[data-test=guide-username]").fill(username);
        page.locator("input[data-test=guide-password]").fill(PASSWORD);
        page.locator("input[data-test=guide-name]").fill("新导购" + suffix);
        page.locator("[data-test=guide-form-store]").click();
        choose(storeName);
        page.locator("[data-test=save-guide]").click();
        assertThat(page.locator("[data-test=guide-form]")).isHidden();
        page.locator("input[data-test=guide-keyword]").fill(username);
        page.locator("input[data-test=guide-keyword]").press("Enter");
        assertThat(page.locator("[data-test=guides] .el-table__body tr")).hasCount(1);
        assertThat(page.locator("[data-test=guides]")).containsText(storeName);
        JsonNode hired = mall.send("GET", "/admin/guides?keyword=" + username, token, null, Map.of(), 200).path("items").get(0);
        String guideId = hired.path("guideId").asText();
        assertThat(hired.path("storeId").asText()).isEqualTo(storeId);
        String memberId = customerOf(storeId, guideId).path("memberId").asText();

        // moves them to the other store
        page.locator("[data-test=move-guide-" + guideId + "]").click();
        page.locator("[data-test=transfer-target]").click();
        choose(otherStoreName);
        page.locator("[data-test=save-transfer]").click();
        assertThat(page.locator("[data-test=guides]")).containsText(otherStoreName);
        assertThat(mall.send("GET", "/admin/guides/" + guideId, token, null, Map.of(), 200).path("storeId").asText()).isEqualTo(otherStoreId);

        // hands their customer to a colleague, then disables them
        page.locator("[data-test=handover-guide-" + guideId + "]").click();
        page.locator("[data-test=transfer-target]").click();
        choose(colleagueName);
        page.locator("[data-test=save-transfer]").click();
        assertThat(page.locator("[data-test=handover-result]")).containsText("1");
        shoot("guide-handover");
        page.keyboard().press("Escape");
        assertThat(mall.send("GET", "/admin/members?guideId=" + colleagueId, token, null, Map.of(), 200).path("items")
                .findValuesAsText("memberId")).containsExactly(memberId);
        page.locator("[data-test=disable-guide-" + guideId + "]").click();
        assertThat(page.locator("[data-test=enable-guide-" + guideId + "]")).isVisible();
        assertThat(mall.send("GET", "/admin/guides/" + guideId, token, null, Map.of(), 200).path("status").asText()).isEqualTo("DISABLED");
        shoot("guides");

        // closes the store it opened: it leaves the nearby search
        page.locator("#tab-stores").click();
        page.locator("[data-test=close-store-" + storeId + "]").click();
        assertThat(page.locator("[data-test=reopen-store-" + storeId + "]")).isVisible();
        assertThat(mall.send("GET", "/admin/stores/" + storeId, token, null, Map.of(), 200).path("status").asText()).isEqualTo("CLOSED");
    }

    @Test
    void theBindingPolicyShowsTheApisRefusalAndKeepsWhatWasSaved() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        int before = mall.send("GET", "/admin/guides/binding-policy", token, null, Map.of(), 200).path("protectionDays").asInt();
        try {
            logIn("admin", merchant, PASSWORD);
            page.locator("[data-test='menu-/stores']").click();
            page.locator("#tab-guides").click();
            assertThat(page.locator("input[data-test=protection-days]")).hasValue(String.valueOf(before));
            page.locator("input[data-test=protection-days]").fill("4000");
            page.locator("[data-test=save-policy]").click();
            assertThat(page.locator("[data-test=binding-policy] .el-form-item__error")).isVisible();
            assertThat(mall.send("GET", "/admin/guides/binding-policy", token, null, Map.of(), 200).path("protectionDays").asInt())
                    .isEqualTo(before);

            page.locator("input[data-test=protection-days]").fill("45");
            page.locator("[data-test=save-policy]").click();
            assertThat(page.locator("[data-test=policy-saved]")).isVisible();
            assertThat(mall.send("GET", "/admin/guides/binding-policy", token, null, Map.of(), 200).path("protectionDays").asInt())
                    .isEqualTo(45);
        } finally {
            mall.send("PUT", "/admin/guides/binding-policy", token, Map.of("protectionDays", before), Map.of(), 200);
        }
    }

    @Test
    void anOperatorRunsStoresButHiresMovesAndDisablesNoGuide() throws Exception {
        String owner = merchantToken(Role.MERCHANT);
        String suffix = suffix();
        String[] storeAndGuide = storeWithGuide(owner, "运营门店" + suffix, "og-" + suffix, "运营导购" + suffix);
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);

        logIn("admin", operator, PASSWORD);
        page.locator("[data-test='menu-/stores']").click();
        page.locator("input[data-test=store-keyword]").fill("运营门店" + suffix);
        page.locator("input[data-test=store-keyword]").press("Enter");
        assertThat(page.locator("[data-test=stores] .el-table__body tr")).hasCount(1);
        page.locator("#tab-guides").click();
        page.locator("input[data-test=guide-keyword]").fill("og-" + suffix);
        page.locator("input[data-test=guide-keyword]").press("Enter");
        assertThat(page.locator("[data-test=guides]")).containsText("运营导购" + suffix);
        assertThat(page.locator("[data-test=new-guide]")).hasCount(0);
        assertThat(page.locator("[data-test=disable-guide-" + storeAndGuide[1] + "]")).hasCount(0);
        assertThat(page.locator("[data-test=move-guide-" + storeAndGuide[1] + "]")).hasCount(0);
        // and the API agrees: hiring is account management
        mall.send("POST", "/admin/guides", tokenOf(operator), Map.of("username", "og2-" + suffix, "password", PASSWORD,
                "name", "x", "storeId", storeAndGuide[0]), Map.of(), 403);
    }
}
