package com.siyumall.gateway.console;

import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Banners in the console: put in a position for new members, seen by a new shopper, taken down. */
class BannersInChromiumTest extends ConsoleInChromium {

    private List<String> seenBy(String shopper, String position) throws Exception {
        return mall.send("GET", "/api/banners?position=" + position, shopper, null, Map.of(), 200).path("items").findValuesAsText("title");
    }

    @Test
    void aMerchantPutsUpABannerForNewMembersAndTakesItDown() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String position = "T_" + suffix().toUpperCase();
        String title = "新人专享" + suffix();

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/banners']").click();
        page.locator("[data-test=new-banner]").click();
        page.locator("input[data-test=banner-position]").fill(position);
        page.locator("input[data-test=banner-title]").fill(title);
        page.locator("input[data-test=banner-image]").fill("not a url");
        page.locator("input[data-test=banner-link]").fill("/pages/new-member");
        page.locator("[data-test=banner-form] .el-range-input").first().fill("2026-01-01 00:00:00");
        page.locator("[data-test=banner-form] .el-range-input").last().fill("2030-12-31 23:59:59");
        page.locator("[data-test=banner-form] .el-range-input").last().press("Enter");
        page.locator("input[data-test=banner-title]").click();
        page.locator("[data-test=banner-audience]").click();
        choose("新会员");
        page.locator("[data-test=save-banner]").click();
        assertThat(page.locator("[data-test=banner-form] .el-form-item__error")).isVisible();
        page.locator("input[data-test=banner-image]").fill("https://img.test/new-member.jpg");
        page.locator("[data-test=save-banner]").click();
        assertThat(page.locator("[data-test=banner-form]")).isHidden();
        assertThat(page.locator("[data-test=banners]")).containsText(title);
        assertThat(page.locator("[data-test=banners]")).containsText("≤ 7");
        shoot("banners");

        String newcomer = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-bn" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        assertThat(seenBy(newcomer, position)).containsExactly(title);

        String bannerId = mall.send("GET", "/admin/banners?position=" + position, tokenOf(merchant), null, Map.of(), 200)
                .path("items").get(0).path("bannerId").asText();
        page.locator("[data-test=disable-banner-" + bannerId + "]").click();
        assertThat(page.locator("[data-test=enable-banner-" + bannerId + "]")).isVisible();
        assertThat(seenBy(newcomer, position)).isEmpty();
    }
}
