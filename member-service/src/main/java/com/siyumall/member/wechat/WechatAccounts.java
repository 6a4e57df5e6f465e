package com.siyumall.member.wechat;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.bean.WxMaJscode2SessionResult;
import cn.binarywang.wx.miniapp.bean.WxMaPhoneNumberInfo;
import cn.binarywang.wx.miniapp.bean.WxMaSubscribeMessage;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.siyumall.common.error.BusinessException;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Component;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The brand's mini-programs as WxJava sees them: turns login codes into WeChat identities and phone codes into numbers.
 * WeChat's own error codes become the mall's 4xx codes (a bad or reused code is the caller's mistake, not a 500).
 */
@Component
@EnableConfigurationProperties(WechatProperties.class)
public class WechatAccounts {
    private static final Logger log = LoggerFactory.getLogger(WechatAccounts.class);
    private static final int INVALID_CODE = 40029;
    private static final int CODE_USED = 40163;

    private final String mainAppId;
    private final Map<String, WxMaService> apps = new LinkedHashMap<>();

    WechatAccounts(WechatProperties properties) {
        this.mainAppId = properties.getAppId();
        apps.put(properties.getAppId(), miniProgram(properties.getApiHost(), properties.getAppId(), properties.getAppSecret()));
        for (WechatProperties.App app : properties.getLinkedApps()) {
            apps.put(app.getAppId(), miniProgram(properties.getApiHost(), app.getAppId(), app.getAppSecret()));
        }
    }

    private static WxMaService miniProgram(String apiHost, String appId, String secret) {
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appId);
        config.setSecret(secret);
        config.setApiHostUrl(apiHost);
        WxMaService service = new WxMaServiceImpl();
        service.setWxMaConfig(config);
        return service;
    }

    public String mainAppId() {
        return mainAppId;
    }

    /** The WeChat user behind a {@code wx.login} code of the given mini-program (the main one when {@code appId} is null). */
    public WechatSession session(String appId, String code) {
        String app = appId == null || appId.isBlank() ? mainAppId : appId;
        WxMaService service = apps.get(app);
        if (service == null) {
            throw new BusinessException(WechatError.UNKNOWN_MINI_PROGRAM, app);
        }
        try {
            WxMaJscode2SessionResult session = service.getUserService().getSessionInfo(code);
            return new WechatSession(app, session.getOpenid(), blankToNull(session.getUnionid()));
        } catch (WxErrorException e) {
            throw translate(e, "login");
        } catch (WxRuntimeException e) {
            throw unreachable(e, "login");
        }
    }

    /** The phone number behind a {@code getPhoneNumber} code (digits without country code). */
    public String phoneNumber(String code) {
        try {
            WxMaPhoneNumberInfo phone = apps.get(mainAppId).getUserService().getPhoneNumber(code);
            return phone.getPurePhoneNumber();
        } catch (WxErrorException e) {
            throw translate(e, "phone number");
        } catch (WxRuntimeException e) {
            throw unreachable(e, "phone number");
        }
    }

    /**
     * Sends a subscription message through the main mini-program; 0 when WeChat took it, else WeChat's errcode (e.g.
     * 43101: the user has no acceptance left on WeChat's side) or -1 when WeChat could not be reached.
     */
    public int sendSubscribeMessage(String openid, String templateId, String page, Map<String, String> data) {
        List<WxMaSubscribeMessage.MsgData> fields = data.entrySet().stream()
                .map(e -> new WxMaSubscribeMessage.MsgData(e.getKey(), e.getValue())).toList();
        WxMaSubscribeMessage message = WxMaSubscribeMessage.builder().toUser(openid).templateId(templateId).page(page)
                .data(new java.util.ArrayList<>(fields)).build();
        try {
            apps.get(mainAppId).getSubscribeService().sendSubscribeMsg(message);
            return 0;
        } catch (WxErrorException e) {
            int code = e.getError() == null ? -1 : e.getError().getErrorCode();
            log.warn("WeChat subscription message {} to {} refused with errcode {}", templateId, openid, code);
            return code;
        } catch (WxRuntimeException e) {
            log.warn("WeChat subscription message could not be sent: {}", e.getMessage());
            return -1;
        }
    }

    private static BusinessException translate(WxErrorException e, String call) {
        int code = e.getError() == null ? -1 : e.getError().getErrorCode();
        if (code == INVALID_CODE) {
            return new BusinessException(WechatError.WECHAT_CODE_INVALID);
        }
        if (code == CODE_USED) {
            return new BusinessException(WechatError.WECHAT_CODE_USED);
        }
        log.warn("WeChat {} call failed with errcode {}: {}", call, code, e.getMessage());
        return new BusinessException(WechatError.WECHAT_UNAVAILABLE, code);
    }

    private static BusinessException unreachable(WxRuntimeException e, String call) {
        log.warn("WeChat {} call could not be made: {}", call, e.getMessage());
        return new BusinessException(WechatError.WECHAT_UNAVAILABLE, -1);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
