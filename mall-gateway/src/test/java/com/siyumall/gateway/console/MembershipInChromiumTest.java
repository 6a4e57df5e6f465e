package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The membership rules in the console: a level added and removed, growth per invited member, the check-in rewards.
 * These rules are every member's, in a mall other tests share: each test puts back what it found.
 */
class MembershipInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantAddsALevelChangesTheGrowthRulesAndTheCheckInRewards() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = tokenOf(merchant);
        JsonNode growthBefore = mall.send("GET", "/admin/growth-rules", token, null, Map.of(), 200);
        JsonNode checkInsBefore = mall.send("GET", "/admin/check-in-rules", token, null, Map.of(), 200);
        String code = "T" + suffix().toUpperCase();
        try {
            logIn("admin", merchant, PASSWORD);
            page.locator("[data-test='menu-/membership']").click();

            // a level no member reaches: the API refuses a threshold it cannot read on that field, then takes it
            page.locator("[data-test=new-level]").click();
            page.locator("input[data-test=level-code]").fill(code);
            page.locator("input[data-test=level-name]").fill("测试等级");
            page.locator("input[data-test=level-threshold]").fill("很多");
            page.locator("[data-test=save-level]").click();
            assertThat(page.locator("[data-test=level-form] .el-form-item__error")).isVisible();
            page.locator("input[data-test=level-threshold]").fill("99000000");
            page.locator("input[data-test=level-discount]").fill("12");
            page.locator("[data-test=save-level]").click();
            assertThat(page.locator("[data-test=levels]")).containsText(code);
            assertThat(page.locator("[data-test=levels]")).containsText("-12%");
            JsonNode level = null;
            for (JsonNode l : mall.send("GET", "/admin/member-levels", token, null, Map.of(), 200)) {
                if (l.path("code").asText().equals(code)) {
                    level = l;
                }
            }
            assertThat(level).isNotNull();
            assertThat(level.path("growthThreshold").asLong()).isEqualTo(99_000_000);
            shoot("membership-levels");
            page.locator("[data-test=delete-level-" + code + "]").click();
            assertThat(page.locator("[data-test=levels]")).not().containsText(code);

            page.locator("#tab-rules").click();
            page.locator("input[data-test=per-invited]").fill(Long.toString(growthBefore.path("perInvitedMember").asLong() + 7));
            page.locator("[data-test=save-growth]").click();
            assertThat(page.locator("[data-test=growth-saved]")).isVisible();
            assertThat(mall.send("GET", "/admin/growth-rules", token, null, Map.of(), 200).path("perInvitedMember").asLong())
                    .isEqualTo(growthBefore.path("perInvitedMember").asLong() + 7);

            page.locator("#tab-check-in").click();
            page.locator("[data-test=add-day]").click();
            int added = checkInsBefore.path("days").size();
            page.locator("[data-test=day-" + added + "] input[data-test=day-points]").fill("-5");
            page.locator("[data-test=save-check-in]").click();
            assertThat(page.locator("[data-test=day-" + added + "] .el-form-item__error")).isVisible();
            page.locator("[data-test=day-" + added + "] input[data-test=day-points]").fill("88");
            page.locator("[data-test=save-check-in]").click();
            assertThat(page.locator("[data-test=check-in-saved]")).isVisible();
            JsonNode days = mall.send("GET", "/admin/check-in-rules", token, null, Map.of(), 200).path("days");
            assertThat(days).hasSize(added + 1);
            assertThat(days.get(added).path("points").asLong()).isEqualTo(88);
            shoot("membership-check-in");
        } finally {
            mall.send("PUT", "/admin/growth-rules", token, growthBefore, Map.of(), 200);
            mall.send("PUT", "/admin/check-in-rules", token, checkInsBefore, Map.of(), 200);
        }
    }

    @Test
    void anOperatorReadsTheLadderButChangesNeitherLevelsNorRules() throws Exception {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        page.locator("[data-test='menu-/membership']").click();
        assertThat(page.locator("[data-test=levels]")).containsText("V0");
        assertThat(page.locator("[data-test=new-level]")).hasCount(0);
        page.locator("#tab-rules").click();
        assertThat(page.locator("input[data-test=per-yuan]")).isDisabled();
        assertThat(page.locator("[data-test=save-growth]")).hasCount(0);
    }
}
