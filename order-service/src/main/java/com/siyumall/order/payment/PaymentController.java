package com.siyumall.order.payment;

import com.siyumall.common.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Payment")
class PaymentController {
    private final PaymentService payments;

    PaymentController(PaymentService payments) {
        this.payments = payments;
    }


    @PostMapping("/api/orders/{orderNo}/pay")
    @Operation(summary = "WeChat Pay JSAPI prepay; returns the parameters of wx.requestPayment (package is packageValue)")
    java.util.Map<String, String> pay(@PathVariable String orderNo) {
        PaymentService.PayParams p = payments.pay(CurrentPrincipal.memberId(), orderNo);
        return java.util.Map.of("appId", p.appId(), "timeStamp", p.timeStamp(), "nonceStr", p.nonceStr(),
                "package", p.packageValue(), "signType", p.signType(), "paySign", p.paySign());
    }

    @PostMapping("/api/payments/wechat/notify")
    @Operation(summary = "WeChat Pay v3 payment notification (public; trusted only when its signature verifies)")
    ResponseEntity<Void> notify(@RequestBody String body,
                                @RequestHeader(value = "Wechatpay-Timestamp", required = false) String timestamp,
                                @RequestHeader(value = "Wechatpay-Nonce", required = false) String nonce,
                                @RequestHeader(value = "Wechatpay-Signature", required = false) String signature,
                                @RequestHeader(value = "Wechatpay-Serial", required = false) String serial) {
        payments.onNotification(body, new PaymentService.NotificationHeaders(timestamp, nonce, signature, serial));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/api/payments/wechat/refund-notify")
    @Operation(summary = "WeChat Pay v3 refund notification (public; trusted only when its signature verifies)")
    ResponseEntity<Void> refundNotify(@RequestBody String body,
                                      @RequestHeader(value = "Wechatpay-Timestamp", required = false) String timestamp,
                                      @RequestHeader(value = "Wechatpay-Nonce", required = false) String nonce,
                                      @RequestHeader(value = "Wechatpay-Signature", required = false) String signature,
                                      @RequestHeader(value = "Wechatpay-Serial", required = false) String serial) {
        payments.onRefundNotification(body, new PaymentService.NotificationHeaders(timestamp, nonce, signature, serial));
        return ResponseEntity.noContent().build();
    }
}
