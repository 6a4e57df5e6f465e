package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import com.siyumall.devstack.DevStack;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Store pick-up through the gateway: a shopper sends an order to an address of their book or picks it up at a store;
 * the store's guide hands a pick-up order over on their phone by its code, a merchant's staff from the order's page.
 */
class StorePickupInChromiumTest extends ConsoleInChromium {

    /** A shopper's pick-up order at the store, paid: the shopper's token and the order as the shopper sees it. */
    private static Map.Entry<String, JsonNode> paidPickupOrder(String storeId, String skuId) throws Exception {
        String shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-pu" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        String orderNo = mall.send("POST", "/api/orders", shopper, Map.of("items", List.of(Map.of("skuId", skuId, "quantity", 1)),
                "storeId", storeId), Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201).path("orderNo").asText();
        JsonNode pay = mall.send("POST", "/api/orders/" + orderNo + "/pay", shopper, null, Map.of(), 200);
        DevStack.get().wechat().paySucceeded(pay.path("package").asText().substring("prepay_id=".length()));
        await().until(() -> "PAID".equals(mall.send("GET", "/api/orders/" + orderNo, shopper, null, Map.of(), 200).path("status").asText()));
        return Map.entry(shopper, mall.send("GET", "/api/orders/" + orderNo, shopper, null, Map.of(), 200));
    }

    @Test
    void aGuideHandsAPickupOrderOverByItsCodeOnTheirPhoneOnce() throws Exception {
        String owner = merchantToken(Role.MERCHANT);
        String suffix = suffix();
        String username = "pu-" + suffix;
        String[] storeAndGuide = storeWithGuide(owner, "自提门店" + suffix, username, "自提导购" + suffix);
        Map.Entry<String, JsonNode> order = paidPickupOrder(storeAndGuide[0], productWithSku(owner, "自提商品" + suffix, 6_800, 5));
        String orderNo = order.getValue().path("orderNo").asText();
        String code = order.getValue().path("pickupCode").asText();
        assertThat(code).matches("\\d{6}");

        onAPhone();
        logIn("guide", username, PASSWORD);
        page.waitForURL("**/console/#/guide/customers");
        page.locator("[data-test='menu-/guide/pickup']").click();
        page.locator("input[data-test=pickup-code]").fill(order.getValue().path("pickupQrContent").asText()); // as a scanner types it
        page.locator("[data-test=pickup-look]").click();
        assertThat(page.locator("[data-test=pickup-order]")).containsText(orderNo);
        assertThat(page.locator("[data-test=pickup-order]")).containsText("自提商品" + suffix);
        page.locator("[data-test=pickup-hand-over]").click();
        assertThat(page.locator("[data-test=pickup-done]")).isVisible();
        assertThat(page.locator("[data-test=pickup-status]")).hasText("COMPLETED");
        shoot("guide-pickup");

        JsonNode after = mall.send("GET", "/api/orders/" + orderNo, order.getKey(), null, Map.of(), 200);
        assertThat(after.path("status").asText()).isEqualTo("COMPLETED");
        assertThat(after.path("pickedUpBy").asText()).isEqualTo(storeAndGuide[1]);
        // a second scan says so, it does not hand anything over again
        page.locator("[data-test=pickup-look]").click();
        assertThat(page.locator("[data-test=pickup-hand-over]")).isHidden();
        String guideToken = mall.send("POST", "/guide/auth/login", null, Map.of("username", username, "password", PASSWORD), Map.of(), 200)
                .path("accessToken").asText();
        assertThat(mall.send("POST", "/guide/pickups/" + code, guideToken, null, Map.of(), 409).path("code").asText()).isEqualTo("PICKED_UP_ALREADY");
    }

    @Test
    void aMerchantsStaffHandsItOverFromTheOrdersPageOnlyWithThatOrdersCode() throws Exception {
        String owner = merchantToken(Role.MERCHANT);
        String suffix = suffix();
        String storeId = store(owner, "店员自提" + suffix);
        String skuId = productWithSku(owner, "店员自提商品" + suffix, 3_900, 5);
        JsonNode mine = paidPickupOrder(storeId, skuId).getValue();
        JsonNode another = paidPickupOrder(storeId, skuId).getValue();

        String operator = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        logIn("admin", operator, PASSWORD);
        assertThat(page.locator("[data-test=menu]")).isVisible();
        page.navigate(mall.base + "/console/#/orders/" + mine.path("orderNo").asText());
        assertThat(page.locator("[data-test=pickup-form]")).isVisible();
        assertThat(page.locator("[data-test=ship-form]")).hasCount(0);
        page.locator("input[data-test=pickup-code]").fill(another.path("pickupCode").asText());
        page.locator("[data-test=pickup-hand-over]").click();
        assertThat(page.locator("[data-test=pickup-error]")).isVisible();
        assertThat(mall.send("GET", "/admin/orders/" + another.path("orderNo").asText(), owner, null, Map.of(), 200).path("status").asText())
                .as("the other shopper's order stays at the store").isEqualTo("PAID");

        page.locator("input[data-test=pickup-code]").fill(mine.path("pickupCode").asText());
        page.locator("[data-test=pickup-hand-over]").click();
        assertThat(page.locator("[data-test=order-status]")).hasText("COMPLETED");
        shoot("order-pickup");
        assertThat(mall.send("POST", "/admin/orders/" + another.path("orderNo").asText() + "/ship", owner,
                Map.of("carrier", "SF", "trackingNo", "SF" + System.nanoTime()), Map.of(), 409).path("code").asText())
                .isEqualTo("PICKUP_ORDER_NOT_SHIPPED");
    }

    @Test
    void aShopperSendsAnOrderToAnAddressOfTheirBookThroughTheGateway() throws Exception {
        String owner = merchantToken(Role.MERCHANT);
        String skuId = productWithSku(owner, "地址簿商品" + suffix(), 2_500, 5);
        String shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-ab" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        String addressId = mall.send("POST", "/api/addresses", shopper, Map.of("name", "赵六", "phone", "13600136000",
                "regionCode", "330106", "province", "浙江省", "city", "杭州市", "district", "西湖区", "detail", "文三路 1 号"), Map.of(), 201)
                .path("id").asText();
        assertThat(mall.send("GET", "/api/addresses", shopper, null, Map.of(), 200).get(0).path("isDefault").asBoolean()).isTrue();
        String orderNo = mall.send("POST", "/api/orders", shopper, Map.of("items", List.of(Map.of("skuId", skuId, "quantity", 1)),
                "addressId", addressId), Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201).path("orderNo").asText();
        assertThat(mall.send("GET", "/admin/orders/" + orderNo, owner, null, Map.of(), 200).path("address").asText())
                .contains("浙江省 杭州市 西湖区").contains("文三路 1 号");
        String stranger = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-ab" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        mall.send("GET", "/api/addresses/" + addressId, stranger, null, Map.of(), 404);
    }
}
