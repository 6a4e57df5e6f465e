package com.siyumall.gateway.console;

import com.fasterxml.jackson.databind.JsonNode;
import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/** Editing a product on sale: its details keep what the form does not show, a SKU's price changes, a SKU is added. */
class ProductEditInChromiumTest extends ConsoleInChromium {

    @Test
    void aMerchantRenamesAProductCutsAPriceAndAddsASize() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String token = tokenOf(merchant);
        String suffix = suffix();
        String categoryId = mall.send("POST", "/admin/categories", token, Map.of("name", "编辑类" + suffix), Map.of(), 201).path("id").asText();
        JsonNode created = mall.send("POST", "/admin/products", token, Map.of("categoryId", categoryId, "name", "旧名衬衫" + suffix,
                "description", "<p>100% 棉</p>", "tags", List.of("通勤"), "onShelf", true, "images", List.of("https://img.test/shirt.jpg"),
                "skus", List.of(Map.of("specs", Map.of("尺码", "M"), "price", 19900, "stock", 5),
                        Map.of("specs", Map.of("尺码", "L"), "price", 19900, "stock", 5))), Map.of(), 201);
        String spuId = created.path("spuId").asText();
        String medium = created.path("skus").get(0).path("skuId").asText();
        String large = created.path("skus").get(1).path("skuId").asText();
        String newName = "新名衬衫" + suffix;

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/products']").click();
        page.locator("input[data-test=keyword]").fill("旧名衬衫" + suffix);
        page.locator("input[data-test=keyword]").press("Enter");
        page.locator("[data-test=edit-" + spuId + "]").click();
        page.locator("input[data-test=product-name]").fill(newName);
        page.locator("[data-test=save-info]").click();
        assertThat(page.locator("[data-test=info-saved]")).isVisible();
        JsonNode renamed = mall.send("GET", "/admin/products/" + spuId, token, null, Map.of(), 200);
        assertThat(renamed.path("name").asText()).isEqualTo(newName);
        assertThat(renamed.path("description").asText()).as("kept though the form does not show it").isEqualTo("<p>100% 棉</p>");
        assertThat(renamed.path("tags").get(0).asText()).isEqualTo("通勤");

        // a price the API cannot read is refused on that SKU's field; the corrected one is taken
        page.locator("[data-test=sku-" + large + "] input[data-test=sku-price]").fill("一百");
        page.locator("[data-test=sku-" + large + "] [data-test=save-sku]").click();
        assertThat(page.locator("[data-test=sku-" + large + "] .el-form-item__error")).isVisible();
        page.locator("[data-test=sku-" + medium + "] input[data-test=sku-price]").fill("179.9");
        page.locator("[data-test=sku-" + medium + "] [data-test=save-sku]").click();
        assertThat(page.locator("[data-test=sku-" + medium + "] [data-test=sku-saved]")).isVisible();

        page.locator("input[data-test=new-sku-specs]").fill("尺码:XL");
        page.locator("input[data-test=new-sku-price]").fill("209");
        page.locator("input[data-test=new-sku-stock]").fill("7");
        page.locator("[data-test=add-sku]").click();
        assertThat(page.locator("[data-test=product-edit]")).containsText("尺码:XL");
        shoot("product-edit");

        JsonNode edited = mall.send("GET", "/admin/products/" + spuId, token, null, Map.of(), 200);
        assertThat(edited.path("skus")).hasSize(3);
        for (JsonNode sku : edited.path("skus")) {
            String size = sku.path("specs").path("尺码").asText();
            long expected = switch (size) {
                case "M" -> 17_990;
                case "L" -> 19_900;
                default -> 20_900;
            };
            assertThat(sku.path("price").asLong()).as(size).isEqualTo(expected);
            if (size.equals("XL")) {
                assertThat(sku.path("available").asInt()).isEqualTo(7);
            }
        }
    }
}
