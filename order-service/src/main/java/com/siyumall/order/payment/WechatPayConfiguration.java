package com.siyumall.order.payment;

import com.github.binarywang.wxpay.config.WxPayConfig;
import com.github.binarywang.wxpay.service.WxPayService;
import com.github.binarywang.wxpay.service.impl.WxPayServiceImpl;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.net.InetAddress;
import java.net.URI;

/** WxJava's WeChat Pay v3 client, in the platform-public-key mode (no certificate download). */
@Configuration
@EnableConfigurationProperties(WechatPayProperties.class)
class WechatPayConfiguration {

    @Bean
    WxPayService wxPayService(WechatPayProperties properties) {
        WechatPayProperties.Pay pay = properties.getPay();
        WxPayConfig config = new WxPayConfig();
        config.setAppId(properties.getAppId());
        config.setMchId(pay.getMchId());
        config.setApiV3Key(pay.getApiV3Key());
        config.setCertSerialNo(pay.getMerchantSerialNo());
        config.setPrivateKeyString(pay.getMerchantPrivateKey());
        config.setPublicKeyId(pay.getPlatformPublicKeyId());
        config.setPublicKeyString(pay.getPlatformPublicKey());
        config.setFullPublicKeyModel(true);
        config.setApiHostUrl(pay.getApiHost());
        if (!pay.getResolveTo().isBlank()) {
            String host = URI.create(pay.getApiHost()).getHost();
            InetAddress[] target = {resolve(pay.getResolveTo())};
            config.setApiV3HttpClientBuilderCustomizer(builder -> builder.setDnsResolver(name ->
                    name.equals(host) ? target : InetAddress.getAllByName(name)));
        }
        WxPayService service = new WxPayServiceImpl();
        service.setConfig(config);
        return service;
    }

    private static InetAddress resolve(String address) {
        try {
            return InetAddress.getByName(address);
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException("siyumall.wechat.pay.resolve-to is not an address: " + address, e);
        }
    }
}
