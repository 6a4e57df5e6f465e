package com.siyumall.member.wechat;

/** Who a login code belongs to: the openid in that mini-program, and the unionid across the brand's apps (if WeChat gives one). */
public record WechatSession(String appId, String openId, String unionId) {}
