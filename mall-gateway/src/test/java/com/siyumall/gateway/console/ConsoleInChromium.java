package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.siyumall.common.security.Role;
import com.siyumall.devstack.DevStack;
import com.siyumall.devstack.DevStackTest;
import com.siyumall.gateway.WholeMall;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A console test: the whole mall behind the gateway, which serves the console at /console/, and a real Chromium
 * (Debian's, headless) to drive it; shoppers act through the API, as the mini-program would. The mall and the browser
 * are started once for every console test class of the run (they take most of a minute) and closed at its end; each
 * test gets its own browser context, so no cookie or stored session leaks between tests. Screenshots go to
 * target/console-screenshots/.
 */
@DevStackTest
@ExtendWith(ConsoleInChromium.Shared.class)
abstract class ConsoleInChromium {
    static final Path SHOTS = Path.of("target/console-screenshots");
    static final String PASSWORD = "console-pass-1";
    static WholeMall mall;
    static Browser browser;
    BrowserContext context;
    Page page;

    /** The mall and the browser, kept in the run's root store so the last console test class does not stop them early. */
    static final class Shared implements BeforeAllCallback, ExtensionContext.Store.CloseableResource {
        private WholeMall startedMall;
        private Playwright playwright;
        private Browser startedBrowser;

        @Override
        public void beforeAll(ExtensionContext context) {
            Shared shared = context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL)
                    .getOrComputeIfAbsent(Shared.class.getName(), key -> start(), Shared.class);
            mall = shared.startedMall;
            browser = shared.startedBrowser;
        }

        private static Shared start() {
            Path chromium = Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));
            assertThat(chromium).as("Chromium for the console's tests: apt-get install -y chromium (or set CHROMIUM)").exists();
            Shared shared = new Shared();
            try {
                Files.createDirectories(SHOTS);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            shared.startedMall = WholeMall.start();
            shared.playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
            shared.startedBrowser = shared.playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium)
                    .setHeadless(true).setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                            "--disable-quic", "--disable-background-networking", "--disable-component-update", "--disable-sync")));
            return shared;
        }

        @Override
        public void close() {
            if (startedBrowser != null) {
                startedBrowser.close();
            }
            if (playwright != null) {
                playwright.close();
            }
            if (startedMall != null) {
                startedMall.close();
            }
        }
    }

    @BeforeAll
    static void mallIsUp() {
        assertThat(mall).as("started by ConsoleInChromium.Shared").isNotNull();
    }

    @BeforeEach
    void openBrowser() {
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(1280, 800).setLocale("zh-CN"));
        page = context.newPage();
    }

    @AfterEach
    void closeBrowser() {
        context.close();
    }

    /** Opens a phone-sized browser instead of the desk one, as a guide in a store would hold it. */
    void onAPhone() {
        context.close();
        context = browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setIsMobile(true).setLocale("zh-CN"));
        page = context.newPage();
    }

    void logIn(String realm, String username, String password) {
        page.navigate(mall.base + "/console/");
        page.waitForURL("**/console/#/login");
        page.locator("[data-test=realm-" + realm + "]").click();
        page.locator("input[name=username]").fill(username);
        page.locator("input[name=password]").fill(password);
        page.locator("[data-test=login-submit]").click();
    }

    void shoot(String name) {
        // after the loading masks have faded
        page.waitForFunction("() => ![...document.querySelectorAll('.el-loading-mask')].some(e => e.offsetParent !== null)");
        if (page.locator("canvas").count() > 0) {
            page.waitForTimeout(1_200); // a chart's entry animation, so the picture shows it drawn, not half-way
        }
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name + ".png")).setFullPage(true));
    }

    /** Picks the option of the open select dropdown that shows the text. */
    void choose(String text) {
        page.locator(".el-select-dropdown__item:visible").filter(new Locator.FilterOptions().setHasText(text)).first().click();
    }

    /** A new merchant account of the role, logged in through the API: its access token. */
    static String merchantToken(Role role) throws Exception {
        return tokenOf(mall.openMerchantAccount(role, PASSWORD));
    }

    static String tokenOf(String merchantUsername) throws Exception {
        return mall.send("POST", "/admin/auth/login", null, Map.of("username", merchantUsername, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
    }

    static String encoded(String queryValue) {
        return java.net.URLEncoder.encode(queryValue, java.nio.charset.StandardCharsets.UTF_8);
    }

    static String suffix() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    /** A store and a guide of it, opened by the merchant: their ids. */
    static String[] storeWithGuide(String merchantToken, String storeName, String username, String guideName) throws Exception {
        String storeId = store(merchantToken, storeName);
        String guideId = mall.send("POST", "/admin/guides", merchantToken, Map.of("username", username, "password", PASSWORD,
                "name", guideName, "storeId", storeId), Map.of(), 201).path("guideId").asText();
        return new String[] {storeId, guideId};
    }

    static String store(String merchantToken, String storeName) throws Exception {
        return mall.send("POST", "/admin/stores", merchantToken, Map.of("name", storeName, "address", "南京西路 1 号",
                "latitude", 31.2, "longitude", 121.4, "opensAt", "00:00", "closesAt", "23:59"), Map.of(), 201).path("storeId").asText();
    }

    /** A sandbox shopper who arrived through a guide's code: their login answer (memberId, accessToken). */
    static JsonNode customerOf(String storeId, String guideId) throws Exception {
        return mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-cg" + suffix(), "scene", 1047,
                "channel", "guide", "storeId", storeId, "guideId", guideId), Map.of(), 200);
    }

    /** A sandbox shopper logs in, orders one of the SKU and pays; the order's number, once it is PAID. */
    static String aShopperBuys(String skuId) throws Exception {
        return aShopperBuys(mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-cs" + suffix()), Map.of(), 200)
                .path("accessToken").asText(), skuId);
    }

    static String aShopperBuys(String shopper, String skuId) throws Exception {
        String orderNo = mall.send("POST", "/api/orders", shopper, Map.of("items", List.of(Map.of("skuId", skuId, "quantity", 1)),
                "address", Map.of("name", "王五", "phone", "13800138000", "region", "上海", "detail", "南京西路 2 号")),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201).path("orderNo").asText();
        JsonNode pay = mall.send("POST", "/api/orders/" + orderNo + "/pay", shopper, null, Map.of(), 200);
        DevStack.get().wechat().paySucceeded(pay.path("package").asText().substring("prepay_id=".length()));
        await().until(() -> "PAID".equals(mall.send("GET", "/api/orders/" + orderNo, shopper, null, Map.of(), 200).path("status").asText()));
        return orderNo;
    }

    /** What the shopper paid for the order, in fen (freight included: other tests of the run may have set freight rules). */
    static long paidFor(String shopper, String orderNo) throws Exception {
        return mall.send("GET", "/api/orders/" + orderNo, shopper, null, Map.of(), 200).path("payAmount").asLong();
    }

    /** Fen as the console shows it: 12901 → ¥129.01. */
    static String yuan(long fen) {
        return String.format("¥%d.%02d", fen / 100, fen % 100);
    }

    static String productWithSku(String merchantToken, String name, long price, int stock) throws Exception {
        String categoryId = mall.send("POST", "/admin/categories", merchantToken, Map.of("name", "类-" + suffix()), Map.of(), 201)
                .path("id").asText();
        JsonNode product = mall.send("POST", "/admin/products", merchantToken, Map.of("categoryId", categoryId, "name", name, "onShelf", true,
                "images", List.of("https://img.test/p.jpg"), "skus", List.of(Map.of("specs", Map.of("尺码", "M"), "price", price, "stock", stock))),
                Map.of(), 201);
        return product.path("skus").get(0).path("skuId").asText();
    }
}
