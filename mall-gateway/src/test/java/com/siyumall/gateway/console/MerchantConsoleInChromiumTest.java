package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.EventContracts;
import com.siyumall.gateway.WholeMall;
import org.junit.jupiter.api.Test;
import org.springframework.context.ConfigurableApplicationContext;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The merchant console's first pages (dashboard, catalog, orders, coupons, members, accounts) and the guide workspace,
 * in Chromium against the whole mall (see {@link ConsoleInChromium}); and the console's typing against the services' API
 * documents and the gateway's caching of it.
 */
class MerchantConsoleInChromiumTest extends ConsoleInChromium {
    @Test
    void aMerchantSeesTheDashboardTheirProductsAndTheOrderAShopperPaid() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = mall.send("POST", "/admin/auth/login", null, Map.of("username", merchant, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String categoryId = mall.send("POST", "/admin/categories", token, Map.of("name", "控制台-" + suffix), Map.of(), 201).path("id").asText();
        String productName = "控制台连衣裙-" + suffix;
        JsonNode product = mall.send("POST", "/admin/products", token, Map.of("categoryId", categoryId, "name", productName, "onShelf", true,
                "images", List.of("https://img.test/console.jpg"),
                "skus", List.of(Map.of("specs", Map.of("尺码", "M"), "price", 19900, "stock", 5),
                        Map.of("specs", Map.of("尺码", "L"), "price", 20900, "stock", 5))), Map.of(), 201);
        String orderNo = aShopperBuys(product.path("skus").get(0).path("skuId").asText());
        String today = java.time.LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).toString();
        await().until(() -> mall.send("GET", "/admin/insights/retention?from=" + today + "&to=" + today, token, null, Map.of(), 200)
                .path("cohorts").size() == 1);

        logIn("admin", merchant, PASSWORD);
        assertThat(page.locator("[data-test=dashboard-cards]")).isVisible();
        assertThat(page.locator("[data-test=figure-orders]")).containsText("订单");
        assertThat(page.locator("[data-test=dashboard-chart] canvas")).isVisible();
        shoot("dashboard");

        // retention against the industry's figures: the shopper who registered today is today's cohort
        page.locator("[data-test='menu-/retention']").click();
        assertThat(page.locator("[data-test=retention-chart] canvas")).isVisible();
        assertThat(page.locator("[data-test=retention-industry]")).containsText("D1 13.2%");
        assertThat(page.locator("[data-test=retention-cohorts]")).containsText(today);
        shoot("retention");

        page.locator("[data-test='menu-/products']").click();
        page.locator("input[data-test=keyword]").fill(productName);
        page.locator("input[data-test=keyword]").press("Enter");
        assertThat(page.locator("[data-test=products]")).containsText(productName);
        assertThat(page.locator("[data-test=products]")).containsText("¥199.00");
        shoot("products");

        page.locator("[data-test='menu-/orders']").click();
        assertThat(page.locator("[data-test=orders]")).containsText(orderNo);
        shoot("orders");

        // the order's detail, and shipping it: a tracking number the API refuses shows its reason on the field
        page.locator("[data-test=order-" + orderNo + "]").click();
        assertThat(page.locator("[data-test=order-status]")).hasText("PAID");
        assertThat(page.locator("[data-test=order-items]")).containsText(productName);
        page.locator("input[data-test=carrier]").fill("SF");
        page.locator("input[data-test=tracking-no]").fill("no!");
        page.locator("[data-test=ship]").click();
        assertThat(page.locator("[data-test=ship-form] .el-form-item__error")).isVisible();
        page.locator("input[data-test=tracking-no]").fill("SF1234567890");
        page.locator("[data-test=ship]").click();
        assertThat(page.locator("[data-test=order-status]")).hasText("SHIPPED");
        assertThat(page.locator("[data-test=order-history]")).containsText("PAID → SHIPPED");
        shoot("order-detail");
        assertThat(mall.send("GET", "/admin/orders/" + orderNo, token, null, Map.of(), 200).path("trackingNo").asText()).isEqualTo("SF1234567890");

        page.locator("[data-test='menu-/accounts']").click();
        assertThat(page.locator("[data-test=accounts]")).containsText(merchant);
    }

    @Test
    void aMerchantCreatesACategoryAndAProductWithTwoSkusThatLaunchesLater() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String category = "新品类-" + suffix;
        String productName = "春季风衣-" + suffix;
        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/products']").click();
        page.locator("[data-test=new-product]").click();

        page.locator("input[data-test=new-category]").fill(category);
        page.locator("[data-test=add-category]").click();
        assertThat(page.locator("[data-test=product-form] .el-select")).containsText(category);
        page.locator("input[data-test=product-name]").fill(productName);
        page.locator("textarea[data-test=images]").fill("https://img.test/coat-1.jpg\nhttps://img.test/coat-2.jpg");
        page.locator("[data-test=product-form] .el-date-editor input").fill("2027-03-01 10:00:00");
        page.locator("[data-test=product-form] .el-date-editor input").press("Enter");
        page.locator("input[data-test=product-name]").click();
        page.locator("[data-test=sku-0] input[data-test=sku-specs]").fill("尺码:M");
        page.locator("[data-test=sku-0] input[data-test=sku-price]").fill("399");
        page.locator("[data-test=sku-0] input[data-test=sku-stock]").fill("20");
        page.locator("[data-test=add-sku]").click();
        page.locator("[data-test=sku-1] input[data-test=sku-specs]").fill("尺码:L");
        page.locator("[data-test=sku-1] input[data-test=sku-price]").fill("4x9");
        page.locator("[data-test=save-product]").click();
        // the API refuses the price it cannot read, and says so on that SKU's field; nothing was created
        assertThat(page.locator("[data-test=sku-1] .el-form-item__error")).isVisible();
        shoot("product-form");

        page.locator("[data-test=sku-1] input[data-test=sku-price]").fill("409.5");
        page.locator("[data-test=sku-1] input[data-test=sku-stock]").fill("10");
        page.locator("[data-test=save-product]").click();
        page.waitForURL("**/console/#/products?keyword=*");
        assertThat(page.locator("[data-test=products]")).containsText(productName);
        assertThat(page.locator("[data-test=products]")).containsText("2027-03-01 10:00");

        String token = mall.send("POST", "/admin/auth/login", null, Map.of("username", merchant, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
        JsonNode found = mall.send("GET", "/admin/products?keyword=" + java.net.URLEncoder.encode(productName, java.nio.charset.StandardCharsets.UTF_8),
                token, null, Map.of(), 200).path("items");
        assertThat(found).as("created once").hasSize(1);
        assertThat(found.get(0).path("launchAt").asText()).isEqualTo("2027-03-01T10:00:00+08:00");
        assertThat(found.get(0).path("skus")).hasSize(2);
        assertThat(found.get(0).path("skus").findValuesAsText("price")).containsExactlyInAnyOrder("39900", "40950");
        assertThat(found.get(0).path("images")).hasSize(2);
    }

    @Test
    void aMerchantCreatesACouponTemplateAndGivesAGuideAQuotaOfIt() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        String token = mall.send("POST", "/admin/auth/login", null, Map.of("username", merchant, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String guideName = "额度导购" + suffix;
        String[] storeAndGuide = storeWithGuide(token, "券门店" + suffix, "qg-" + suffix, guideName);
        String storeId = storeAndGuide[0];
        String guideId = storeAndGuide[1];
        String templateName = "满299减50-" + suffix;

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/coupons']").click();
        page.locator("[data-test=new-template]").click();
        page.locator("input[data-test=template-name]").fill(templateName);
        page.locator("[data-test=type-FULL_REDUCTION]").click();
        page.locator("input[data-test=threshold]").fill("299");
        page.locator("input[data-test=amount-off]").fill("50");
        page.locator("[data-test=channel-GUIDE]").click();
        page.locator("[data-test=save-template]").click();
        assertThat(page.locator("[data-test=templates]")).containsText(templateName);
        assertThat(page.locator("[data-test=templates]")).containsText("¥299.00 - ¥50.00");

        JsonNode template = null;
        for (JsonNode row : mall.send("GET", "/admin/coupon-templates?size=100", token, null, Map.of(), 200).path("items")) {
            if (row.path("name").asText().equals(templateName)) {
                template = row;
            }
        }
        assertThat(template).as("created once").isNotNull();
        assertThat(template.path("thresholdAmount").asLong()).isEqualTo(29_900);
        assertThat(template.path("amountOff").asLong()).isEqualTo(5_000);
        String templateId = template.path("templateId").asText();

        page.locator("[data-test=quotas-" + templateId + "]").click();
        page.locator("[data-test=quota-dialog] .el-select").click();
        page.locator(".el-select-dropdown__item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(guideName)).click();
        page.locator("input[data-test=quota-amount]").fill("8");
        page.locator("[data-test=set-quota]").click();
        assertThat(page.locator("[data-test=quota-list]")).containsText(guideName);
        assertThat(page.locator("[data-test=quota-list]")).containsText("0 / 8");
        shoot("coupon-quotas");
        JsonNode quotas = mall.send("GET", "/admin/coupon-templates/" + templateId + "/guide-quotas", token, null, Map.of(), 200);
        assertThat(quotas).hasSize(1);
        assertThat(quotas.get(0).path("guideId").asText()).isEqualTo(guideId);
        assertThat(quotas.get(0).path("quota").asInt()).isEqualTo(8);
    }

    @Test
    void aMerchantFindsTheMembersAGuidesCodeBrought() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String owner = mall.send("POST", "/admin/auth/login", null,
                Map.of("username", mall.openMerchantAccount(Role.MERCHANT, PASSWORD), "password", PASSWORD), Map.of(), 200).path("accessToken").asText();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String guideName = "会员导购" + suffix;
        String[] storeAndGuide = storeWithGuide(owner, "会员门店" + suffix, "mg-" + suffix, guideName);
        String storeId = storeAndGuide[0];
        String guideId = storeAndGuide[1];
        String memberId = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-mg" + suffix, "scene", 1047,
                "channel", "guide", "storeId", storeId, "guideId", guideId), Map.of(), 200).path("memberId").asText();

        // an operator reads the members too
        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/members']").click();
        page.locator("[data-test=member-guide]").click();
        page.locator(".el-select-dropdown__item").filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(guideName)).click();
        page.locator("[data-test=member-search]").click();
        assertThat(page.locator("[data-test=members]")).containsText(memberId);
        assertThat(page.locator("[data-test=members] .el-table__body tr")).hasCount(1);
        assertThat(page.locator("[data-test=members]")).containsText(guideName);
        assertThat(page.locator("[data-test=members]")).containsText("guide");
        shoot("members");
    }

    @Test
    void anOperatorHasNoAccountManagementNotEvenByItsAddress() {
        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        assertThat(page.locator("[data-test=menu]")).containsText("订单");
        assertThat(page.locator("[data-test='menu-/accounts']")).hasCount(0);

        page.navigate(mall.base + "/console/#/accounts");
        page.waitForURL("**/console/#/dashboard");
        assertThat(page.locator("[data-test=accounts]")).hasCount(0);
    }

    @Test
    void aWrongPasswordShowsTheApisReasonAndAnEndedSessionReturnsToLogin() {
        String merchant = mall.openMerchantAccount(Role.MERCHANT, PASSWORD);
        logIn("admin", merchant, "not-the-password");
        assertThat(page.locator("[data-test=login-error]")).isVisible();
        page.waitForURL("**/console/#/login");

        logIn("admin", merchant, PASSWORD);
        assertThat(page.locator("[data-test=dashboard-cards]")).isVisible();
        // tokens the API no longer accepts (both): the next call's 401, the refused refresh, back to the login page
        page.evaluate("() => { const s = JSON.parse(localStorage.getItem('siyumall.console.session'));"
                + " s.accessToken = 'x.y.z'; s.refreshToken = 'gone'; localStorage.setItem('siyumall.console.session', JSON.stringify(s)); }");
        page.reload();
        page.waitForURL("**/console/#/login");
        assertThat(page.locator("[data-test=login-submit]")).isVisible();
    }

    @Test
    void aGuideFindsTheCustomerTheirCodeBroughtAndShowsTheirQrCodeOnAPhone() throws Exception {
        String merchant = mall.send("POST", "/admin/auth/login", null,
                Map.of("username", mall.openMerchantAccount(Role.MERCHANT, PASSWORD), "password", PASSWORD), Map.of(), 200).path("accessToken").asText();
        String suffix = UUID.randomUUID().toString().substring(0, 8);
        String guide = "cg-" + suffix;
        String[] storeAndGuide = storeWithGuide(merchant, "控制台门店" + suffix, guide, "控制台导购");
        String storeId = storeAndGuide[0];
        String guideId = storeAndGuide[1];
        JsonNode shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-cg" + suffix, "scene", 1047,
                "channel", "guide", "storeId", storeId, "guideId", guideId), Map.of(), 200);
        String memberId = shopper.path("memberId").asText();
        String templateName = "到店礼券-" + suffix;
        String templateId = mall.send("POST", "/admin/coupon-templates", merchant, Map.of("name", templateName, "type", "NO_THRESHOLD",
                "amountOff", 1000, "scope", "ALL", "validDays", 30, "totalQuantity", 100, "perMemberLimit", 1, "channels", List.of("GUIDE")),
                Map.of(), 201).path("templateId").asText();
        mall.send("PUT", "/admin/coupon-templates/" + templateId + "/guide-quotas", merchant, Map.of("guideId", guideId, "quota", 5), Map.of(), 200);

        onAPhone();
        logIn("guide", guide, PASSWORD);
        page.waitForURL("**/console/#/guide/customers");
        assertThat(page.locator("[data-test=customer-" + memberId + "]")).isVisible();
        assertThat(page.locator("[data-test='menu-/orders']")).hasCount(0);
        shoot("guide-customers");

        // hands the customer a coupon from the guide's quota
        page.locator("[data-test=customer-" + memberId + "] [data-test=issue-coupon]").click();
        assertThat(page.locator("[data-test=quota-" + templateId + "]")).containsText(templateName);
        assertThat(page.locator("[data-test=quota-" + templateId + "]")).containsText("0 / 5");
        page.locator("[data-test=quota-" + templateId + "] button").click();
        assertThat(page.locator("[data-test=issued]")).containsText(templateName);
        assertThat(page.locator("[data-test=quota-" + templateId + "]")).containsText("1 / 5");
        shoot("guide-coupon");
        JsonNode coupons = mall.send("GET", "/api/coupons/mine", shopper.path("accessToken").asText(), null, Map.of(), 200).path("items");
        assertThat(coupons).as("the customer holds the coupon the guide gave").hasSize(1);
        assertThat(coupons.get(0).path("templateId").asText()).isEqualTo(templateId);
        page.keyboard().press("Escape");
        assertThat(page.locator(".el-drawer")).isHidden();

        page.locator("[data-test='menu-/guide/qrcode']").click();
        page.locator("[data-test=make-qrcode]").click();
        assertThat(page.locator("[data-test=qrcode]")).isVisible();
        double width = ((Number) page.locator("[data-test=qrcode]").evaluate("img => img.naturalWidth")).doubleValue();
        assertThat(width).as("the PNG the API made decodes as an image").isGreaterThan(0);
        shoot("guide-qrcode");
    }

    @Test
    void thePageIsAskedForAgainEachTimeAndItsContentNamedAssetsAreCachedForGood() throws Exception {
        java.net.http.HttpClient client = java.net.http.HttpClient.newHttpClient();
        java.net.http.HttpResponse<String> index = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(mall.base + "/console/")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(index.statusCode()).isEqualTo(200);
        assertThat(index.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("no-cache"));
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("/console/assets/[\\w.-]+\\.js").matcher(index.body());
        assertThat(script.find()).as("the page names its script").isTrue();
        java.net.http.HttpResponse<Void> asset = client.send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(mall.base + script.group())).build(), java.net.http.HttpResponse.BodyHandlers.discarding());
        assertThat(asset.statusCode()).isEqualTo(200);
        assertThat(asset.headers().firstValue("Cache-Control")).hasValueSatisfying(value -> assertThat(value).contains("max-age=31536000"));
    }

    /**
     * The console's types are generated from the services' OpenAPI documents kept in merchant-console/openapi/ (its
     * build runs openapi-typescript over them), so a field a service renames breaks the console's type check. This keeps
     * those files the services' own: a document that changed fails here until it is taken with
     * {@code -Dcontracts.update=true} — and then the console's build says what of it the console used.
     */
    @Test
    void theConsoleIsTypedFromTheServicesOwnApiDocuments() throws Exception {
        boolean update = Boolean.getBoolean("contracts.update");
        Path folder = EventContracts.folder().getParent().resolve("merchant-console/openapi");
        Files.createDirectories(folder);
        ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
        List<String> stale = new ArrayList<>();
        Map<String, ConfigurableApplicationContext> services = Map.of("product", mall.product, "order", mall.order, "member", mall.member,
                "promotion", mall.promotion, "insight", mall.insight);
        for (Map.Entry<String, ConfigurableApplicationContext> service : services.entrySet()) {
            ObjectNode document = (ObjectNode) mall.getJson(WholeMall.url(service.getValue()) + "/v3/api-docs");
            document.remove("servers"); // the port of this run
            String text = json.writeValueAsString(sortedKeys(document)) + "\n";
            Path file = folder.resolve(service.getKey() + ".json");
            if (update || !Files.exists(file)) {
                Files.writeString(file, text);
            } else if (!Files.readString(file).equals(text)) {
                stale.add(service.getKey());
            }
        }
        assertThat(stale).as("the API documents of these services changed: run this test with -Dcontracts.update=true and build the "
                + "console (./mvnw -pl merchant-console package): its type check shows what the console must follow").isEmpty();
        JsonNode order = json.readTree(folder.resolve("order.json").toFile()).path("components").path("schemas").path("OrderSummary");
        assertThat(order.path("properties").path("memberId").path("type").asText()).as("ids are documented as the strings they are sent as")
                .isEqualTo("string");
        assertThat(order.path("properties").path("payAmount").path("type").asText()).as("money stays a number").isEqualTo("integer");
    }

    /** A copy with every object's keys in order, however deep: the same document always reads the same. */
    private static JsonNode sortedKeys(JsonNode node) {
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            toMap(node).forEach((key, value) -> copy.set(key, sortedKeys(value)));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(element -> copy.add(sortedKeys(element)));
            return copy;
        }
        return node;
    }

    private static Map<String, JsonNode> toMap(JsonNode node) {
        Map<String, JsonNode> fields = new TreeMap<>();
        node.fields().forEachRemaining(entry -> fields.put(entry.getKey(), entry.getValue()));
        return fields;
    }
}
