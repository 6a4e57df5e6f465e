package com.siyumall.member.wechat;

import org.springframework.boot.context.properties.ConfigurationProperties;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code siyumall.wechat.*}: the brand's main mini-program, and the other mini-programs of the brand whose users are the
 * same members when WeChat gives them the same unionid.
 */
@ConfigurationProperties("siyumall.wechat")
public class WechatProperties {
    private String apiHost = "https://api.weixin.qq.com";
    private String appId = "";
    private String appSecret = "";
    private List<App> linkedApps = new ArrayList<>();

    public String getApiHost() { return apiHost; }
    public void setApiHost(String apiHost) { this.apiHost = apiHost; }
    public String getAppId() { return appId; }
    public void setAppId(String appId) { this.appId = appId; }
    public String getAppSecret() { return appSecret; }
    public void setAppSecret(String appSecret) { this.appSecret = appSecret; }
    public List<App> getLinkedApps() { return linkedApps; }
    public void setLinkedApps(List<App> linkedApps) { this.linkedApps = linkedApps; }

    public static class App {
        private String appId = "";
        private String appSecret = "";

        public String getAppId() { return appId; }
        public void setAppId(String appId) { this.appId = appId; }
        public String getAppSecret() { return appSecret; }
        public void setAppSecret(String appSecret) { this.appSecret = appSecret; }
    }
}
