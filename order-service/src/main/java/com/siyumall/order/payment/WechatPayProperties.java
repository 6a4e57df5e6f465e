package com.siyumall.order.payment;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** {@code siyumall.wechat.*} as WeChat Pay needs it: the mini-program's appid and the merchant's v3 credentials. */
@ConfigurationProperties("siyumall.wechat")
public class WechatPayProperties {
    private String appId = "";
    private final Pay pay = new Pay();

    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public Pay getPay() { return pay; }

    public static class Pay {
        private String apiHost = "https://api.mch.weixin.qq.com";
        /** Only for the sandbox: the address its host name resolves to (no DNS is asked). */
        private String resolveTo = "";
        private String mchId = "";
        private String apiV3Key = "";
        private String merchantSerialNo = "";
        private String merchantPrivateKey = "";
        private String platformPublicKeyId = "";
        private String platformPublicKey = "";
        /** Where WeChat Pay sends notifications; empty means this instance's own address (dev and tests). */
        private String notifyUrl = "";

        public String getApiHost() { return apiHost; }
        public void setApiHost(String apiHost) { this.apiHost = apiHost; }
        public String getResolveTo() { return resolveTo; }
        public void setResolveTo(String resolveTo) { this.resolveTo = resolveTo; }
        public String getMchId() { return mchId; }
        public void setMchId(String mchId) { this.mchId = mchId; }
        public String getApiV3Key() { return apiV3Key; }
        public void setApiV3Key(String apiV3Key) { this.apiV3Key = apiV3Key; }
        public String getMerchantSerialNo() { return merchantSerialNo; }
        public void setMerchantSerialNo(String merchantSerialNo) { this.merchantSerialNo = merchantSerialNo; }
        public String getMerchantPrivateKey() { return merchantPrivateKey; }
        public void setMerchantPrivateKey(String merchantPrivateKey) { this.merchantPrivateKey = merchantPrivateKey; }
        public String getPlatformPublicKeyId() { return platformPublicKeyId; }
        public void setPlatformPublicKeyId(String platformPublicKeyId) { this.platformPublicKeyId = platformPublicKeyId; }
        public String getPlatformPublicKey() { return platformPublicKey; }
        public void setPlatformPublicKey(String platformPublicKey) { this.platformPublicKey = platformPublicKey; }
        public String getNotifyUrl() { return notifyUrl; }
        public void setNotifyUrl(String notifyUrl) { this.notifyUrl = notifyUrl; }
    }
}
