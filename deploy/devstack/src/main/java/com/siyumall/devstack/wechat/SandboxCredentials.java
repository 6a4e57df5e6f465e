package com.siyumall.devstack.wechat;

/**
 * What a service needs to talk to the sandbox as if it were WeChat: the mini-program's appid and secret, and the
 * WeChat Pay merchant (mchid, APIv3 key, merchant key and its serial number, the platform public key and its id).
 * The second app id and secret belong to another mini-program of the same brand: same unionids, other openids.
 */
public record SandboxCredentials(
        String appId,
        String appSecret,
        String mchId,
        String apiV3Key,
        String merchantSerialNo,
        String merchantPrivateKeyPem,
        String merchantPublicKeyPem,
        String platformPublicKeyId,
        String platformPublicKeyPem,
        String secondAppId,
        String secondAppSecret) {

    @Override
    public String toString() {
        return "SandboxCredentials[appId=" + appId + ", mchId=" + mchId + ", platformPublicKeyId=" + platformPublicKeyId + "]";
    }
}
