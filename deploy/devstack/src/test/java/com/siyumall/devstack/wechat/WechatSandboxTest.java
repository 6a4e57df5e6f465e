package com.siyumall.devstack.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.github.binarywang.wxpay.bean.notify.SignatureHeader;
import com.github.binarywang.wxpay.bean.notify.WxPayNotifyV3Result;
import com.github.binarywang.wxpay.bean.request.WxPayRefundV3Request;
import com.github.binarywang.wxpay.bean.request.WxPayUnifiedOrderV3Request;
import com.github.binarywang.wxpay.bean.result.WxPayOrderQueryV3Result;
import com.github.binarywang.wxpay.bean.result.WxPayRefundV3Result;
import com.github.binarywang.wxpay.bean.result.enums.TradeTypeEnum;
import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.exception.WxPayException;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import com.sun.net.httpserver.HttpServer;
import me.chanjar.weixin.common.error.WxErrorException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** WxJava, configured as the services configure it, works against the sandbox as it would against WeChat. */
class WechatSandboxTest {
    private static WechatSandbox sandbox;
    private static HttpServer merchant;
    private static final List<Map<String, String>> received = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        sandbox = WechatSandbox.start(0, false);
        merchant = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 8);
        merchant.createContext("/notify", exchange -> {
            received.add(Map.of(
                    "body", new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8),
                    "timestamp", exchange.getRequestHeaders().getFirst("Wechatpay-Timestamp"),
                    "nonce", exchange.getRequestHeaders().getFirst("Wechatpay-Nonce"),
                    "signature", exchange.getRequestHeaders().getFirst("Wechatpay-Signature"),
                    "serial", exchange.getRequestHeaders().getFirst("Wechatpay-Serial")));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        merchant.start();
    }

    @AfterAll
    static void stop() {
        sandbox.stop();
        merchant.stop(0);
    }

    private static WxMaService miniApp() {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(sandbox.credentials().appId());
        config.setSecret(sandbox.credentials().appSecret());
        config.setApiHostUrl(sandbox.url());
        WxMaService service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }

    private static WxPayService pay() {
        SandboxCredentials wx = sandbox.credentials();
        WxPayConfig config = new WxPayConfig();
        config.setAppId(wx.appId());
        config.setMchId(wx.mchId());
        config.setApiV3Key(wx.apiV3Key());
        config.setCertSerialNo(wx.merchantSerialNo());
        config.setPrivateKeyString(wx.merchantPrivateKeyPem());
        config.setPublicKeyId(wx.platformPublicKeyId());
        config.setPublicKeyString(wx.platformPublicKeyPem());
        config.setFullPublicKeyModel(true);
        config.setApiHostUrl(sandbox.payUrl());
        config.setApiV3HttpClientBuilderCustomizer(builder -> builder.setDnsResolver(host ->
                host.equals(WechatSandbox.PAY_HOST) ? new java.net.InetAddress[]{java.net.InetAddress.getLoopbackAddress()}
                        : java.net.InetAddress.getAllByName(host)));
        config.setNotifyUrl("http://127.0.0.1:" + merchant.getAddress().getPort() + "/notify");
        WxPayService service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }

    @Test
    void aDemoCodeLogsInOnceAndVariantsOfItMapToTheSameWechatUser() throws Exception {
        WxMaService wx = miniApp();
        WxMaJscode2SessionResult first = wx.getUserService().getSessionInfo("demo-alice");
        WxMaJscode2SessionResult second = wx.getUserService().getSessionInfo("demo-alice.phone2");

        assertThat(first.getOpenid()).isEqualTo(WechatSandbox.openIdOf("alice")).isEqualTo(second.getOpenid());
        assertThat(first.getUnionid()).isEqualTo(WechatSandbox.unionIdOf("alice"));
        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("demo-alice"))
                .isInstanceOf(WxErrorException.class)
                .satisfies(e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(40163));
        assertThatThrownBy(() -> wx.getUserService().getSessionInfo("not-a-demo-code"))
                .isInstanceOf(WxErrorException.class)
                .satisfies(e -> assertThat(((WxErrorException) e).getError().getErrorCode()).isEqualTo(40029));
    }

    @Test
    void theBrandsSecondMiniProgramSeesTheSameUnionidUnderItsOwnOpenid() throws Exception {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(sandbox.credentials().secondAppId());
        config.setSecret(sandbox.credentials().secondAppSecret());
        config.setApiHostUrl(sandbox.url());
        WxMaService second = new WxMaServiceImpl();
        second.setWxMaConfig(config);

        WxMaJscode2SessionResult session = second.getUserService().getSessionInfo("demo-carol");

        assertThat(session.getOpenid()).isEqualTo(WechatSandbox.secondAppOpenIdOf("carol")).isNotEqualTo(WechatSandbox.openIdOf("carol"));
        assertThat(session.getUnionid()).isEqualTo(WechatSandbox.unionIdOf("carol"));
    }

    @Test
    void aPhoneCodeGivesItsNumberAndMiniProgramCodesArePngs() throws Exception {
        WxMaService wx = miniApp();
        WxMaPhoneNumberInfo phone = wx.getUserService().getPhoneNoInfo("phone-13800138000");
        byte[] png = wx.getQrcodeService().createWxaCodeUnlimitBytes("s=1&g=2&t=3", null, false, "release", 280, false, null, false);

        assertThat(phone.getPurePhoneNumber()).isEqualTo("13800138000");
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
    }

    @Test
    void subscriptionMessagesAreRecorded() throws Exception {
        WxMaService wx = miniApp();
        wx.getMsgService().sendSubscribeMsg(cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.builder()
                .toUser(WechatSandbox.openIdOf("bob")).templateId("tpl-order-paid")
                .data(List.of(new cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage.MsgData("amount1", "¥12.00")))
                .build());

        assertThat(sandbox.subscribeMessages())
                .anySatisfy(m -> assertThat(m).containsEntry("touser", WechatSandbox.openIdOf("bob")).containsEntry("template_id", "tpl-order-paid"));
    }

    @Test
    void aPaidOrderIsNotifiedWithASignatureWxJavaVerifiesAndATamperedOneFails() throws Exception {
        WxPayService wx = pay();
        WxPayUnifiedOrderV3Request request = new WxPayUnifiedOrderV3Request();
        request.setOutTradeNo("T" + System.nanoTime());
        request.setDescription("sandbox test");
        request.setAmount(new WxPayUnifiedOrderV3Request.Amount().setTotal(1999));
        request.setPayer(new WxPayUnifiedOrderV3Request.Payer().setOpenid(WechatSandbox.openIdOf("carol")));
        request.setNotifyUrl(wx.getConfig().getNotifyUrl());
        var jsapi = wx.<com.github.binarywang.wxpay.bean.result.WxPayUnifiedOrderV3Result.JsapiResult>createOrderV3(TradeTypeEnum.JSAPI, request);
        String prepayId = jsapi.getPackageValue().substring("prepay_id=".length());

        Map<String, Object> outcome = sandbox.paySucceeded(prepayId);
        assertThat(outcome).containsEntry("notifyStatus", 204);
        await().until(() -> !received.isEmpty());
        Map<String, String> notification = received.get(received.size() - 1);
        SignatureHeader header = SignatureHeader.builder().timeStamp(notification.get("timestamp")).nonce(notification.get("nonce"))
                .signature(notification.get("signature")).serial(notification.get("serial")).build();

        WxPayNotifyV3Result parsed = wx.parseOrderNotifyV3Result(notification.get("body"), header);
        assertThat(parsed.getResult().getOutTradeNo()).isEqualTo(request.getOutTradeNo());
        assertThat(parsed.getResult().getTradeState()).isEqualTo("SUCCESS");
        assertThat(parsed.getResult().getAmount().getTotal()).isEqualTo(1999);
        assertThatThrownBy(() -> wx.parseOrderNotifyV3Result(notification.get("body").replace("\"id\"", "\"id \""), header))
                .isInstanceOf(WxPayException.class);

        WxPayOrderQueryV3Result queried = wx.queryOrderV3(null, request.getOutTradeNo());
        assertThat(queried.getTradeState()).isEqualTo("SUCCESS");
        assertThat(queried.getTransactionId()).isEqualTo(parsed.getResult().getTransactionId());

        WxPayRefundV3Request refund = new WxPayRefundV3Request();
        refund.setOutTradeNo(request.getOutTradeNo());
        refund.setOutRefundNo("R" + System.nanoTime());
        refund.setAmount(new WxPayRefundV3Request.Amount().setRefund(999).setTotal(1999).setCurrency("CNY"));
        WxPayRefundV3Result refunded = wx.refundV3(refund);
        assertThat(refunded.getStatus()).isEqualTo("PROCESSING");
        assertThat(refunded.getAmount().getRefund()).isEqualTo(999);

        WxPayRefundV3Request tooMuch = new WxPayRefundV3Request();
        tooMuch.setOutTradeNo(request.getOutTradeNo());
        tooMuch.setOutRefundNo("R" + System.nanoTime());
        tooMuch.setAmount(new WxPayRefundV3Request.Amount().setRefund(1001).setTotal(1999).setCurrency("CNY"));
        assertThatThrownBy(() -> wx.refundV3(tooMuch)).isInstanceOf(WxPayException.class);
    }

    @Test
    void aRequestSignedWithAnotherMerchantKeyIsRefused() {
        WxPayService wx = pay();
        wx.getConfig().setPrivateKeyString(PayCrypto.pemPrivateKey(PayCrypto.newRsaKeyPair().getPrivate()));
        assertThatThrownBy(() -> wx.queryOrderV3(null, "nope"))
                .isInstanceOf(WxPayException.class)
                .satisfies(e -> assertThat(((WxPayException) e).getErrCode()).isEqualTo("SIGN_ERROR"));
    }
}
