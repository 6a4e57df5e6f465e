package com.siyumall.gateway.console;

import com.siyumall.common.security.Role;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Refunds after shipping wait for the merchant: rejected with a reason on the refunds page, approved on the order's page. */
class RefundsInChromiumTest extends ConsoleInChromium {

    /** A shipped order of the shopper with a refund they asked for: the refund's id. */
    private String shippedAndRefundAsked(String merchant, String shopper, String skuId, String orderNo) throws Exception {
        mall.send("POST", "/admin/orders/" + orderNo + "/ship", merchant, Map.of("carrier", "SF", "trackingNo", "SF" + System.nanoTime()),
                Map.of(), 200);
        return mall.send("POST", "/api/orders/" + orderNo + "/refunds", shopper, Map.of("reason", "尺码不合适"),
                Map.of("Idempotency-Key", UUID.randomUUID().toString()), 201).path("refundId").asText();
    }

    @Test
    void aMerchantRejectsOneRefundWithAReasonAndApprovesAnotherFromItsOrder() throws Exception {
        String merchant = mall.openMerchantAccount(Role.MERCHANT_OPERATOR, PASSWORD);
        String token = tokenOf(merchant);
        String skuId = productWithSku(token, "退款测试T恤" + suffix(), 9_900, 10);
        String shopper = mall.send("POST", "/api/auth/wechat-login", null, Map.of("code", "demo-rf" + suffix()), Map.of(), 200)
                .path("accessToken").asText();
        String rejectedOrder = aShopperBuys(shopper, skuId);
        String approvedOrder = aShopperBuys(shopper, skuId);
        String toReject = shippedAndRefundAsked(token, shopper, skuId, rejectedOrder);
        String toApprove = shippedAndRefundAsked(token, shopper, skuId, approvedOrder);

        logIn("admin", merchant, PASSWORD);
        page.locator("[data-test='menu-/refunds']").click();
        assertThat(page.locator("[data-test=refunds]")).containsText(toReject);
        assertThat(page.locator("[data-test=refunds]")).containsText(toApprove);
        assertThat(page.locator("[data-test=refunds]")).containsText(yuan(paidFor(shopper, approvedOrder)));
        shoot("refunds");

        // a rejection needs a reason: the API says so on the field, and nothing was decided
        page.locator("[data-test=reject-" + toReject + "]").click();
        page.locator("[data-test=confirm-reject]").click();
        assertThat(page.locator("[data-test=reject-dialog] .el-form-item__error")).isVisible();
        assertThat(mall.send("GET", "/admin/refunds?orderNo=" + rejectedOrder, token, null, Map.of(), 200).path("items").get(0)
                .path("status").asText()).isEqualTo("REQUESTED");
        page.locator("textarea[data-test=reject-reason]").fill("已签收且吊牌已拆");
        page.locator("[data-test=confirm-reject]").click();
        // decided, it leaves the list of those waiting
        assertThat(page.locator("[data-test=refunds]")).not().containsText(toReject);
        assertThat(mall.send("GET", "/admin/refunds?orderNo=" + rejectedOrder, token, null, Map.of(), 200).path("items").get(0)
                .path("rejectReason").asText()).isEqualTo("已签收且吊牌已拆");

        // the other, from its order's page: approved, the money goes back and the order says so
        page.locator("[data-test=refund-filter-REJECTED]").click();
        assertThat(page.locator("[data-test=refund-status-" + toReject + "]")).hasText("已拒绝");
        page.navigate(mall.base + "/console/#/orders/" + approvedOrder);
        page.locator("[data-test=approve-" + toApprove + "]").click();
        assertThat(page.locator("[data-test=approve-" + toApprove + "]")).hasCount(0);
        await().until(() -> "REFUNDED".equals(mall.send("GET", "/admin/orders/" + approvedOrder, token, null, Map.of(), 200)
                .path("status").asText()));
        page.reload();
        assertThat(page.locator("[data-test=order-status]")).hasText("REFUNDED");
        assertThat(page.locator("[data-test=refund-status-" + toApprove + "]")).hasText("已退款");
        shoot("order-refund");
    }
}
