package com.siyumall.promotion.guide;

import cn.binarywang.wx.miniapp.api.WxMaService;
import cn.binarywang.wx.miniapp.api.impl.WxMaServiceImpl;
import cn.binarywang.wx.miniapp.config.impl.WxMaDefaultConfigImpl;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import me.chanjar.weixin.common.error.WxErrorException;
import me.chanjar.weixin.common.error.WxRuntimeException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.Base64;

/**
 * 一物一码: a guide's mini-program code (WxJava getwxacodeunlimit). Its scene names a stored code carrying the guide,
 * the store and optionally a coupon template; the mini-program resolves the scene, logs the member in with that guide
 * and store (member-service binds them) and claims the code's coupon — once per member however often they scan.
 */
@Service
public class GuideQrCodes {
    private static final Logger log = LoggerFactory.getLogger(GuideQrCodes.class);
    private static final String PAGE = "pages/index/index";

    private final GuideMapper guides;
    private final CouponService coupons;
    private final WxMaService wechat;
    private final Clock clock;

    GuideQrCodes(GuideMapper guides, CouponService coupons, Clock clock,
                 @Value("${siyumall.wechat.api-host}") String apiHost, @Value("${siyumall.wechat.app-id}") String appId,
                 @Value("${siyumall.wechat.app-secret}") String appSecret) {
        this.guides = guides;
        this.coupons = coupons;
        this.clock = clock;
        WxMaDefaultConfigImpl config = new WxMaDefaultConfigImpl();
        config.setAppid(appId);
        config.setSecret(appSecret);
        config.setApiHostUrl(apiHost);
        this.wechat = new WxMaServiceImpl();
        this.wechat.setWxMaConfig(config);
    }

    public record Made(String scene, String page, String imageBase64, Long templateId) {}

    public Made make(long guideId, long storeId, Long templateId) {
        if (templateId != null) {
            coupons.template(templateId);
        }
        long id = IdWorker.getId();
        String scene = "g=" + Long.toString(id, 36);
        byte[] image;
        try {
            image = wechat.getQrcodeService().createWxaCodeUnlimitBytes(scene, PAGE, false, "release", 430, true, null, false);
        } catch (WxErrorException | WxRuntimeException e) {
            log.warn("WeChat could not make the code for guide {}: {}", guideId, e.getMessage());
            throw new BusinessException(GuideError.WECHAT_UNAVAILABLE);
        }
        guides.insertQrCode(id, scene, guideId, storeId, templateId, clock.instant());
        return new Made(scene, PAGE, Base64.getEncoder().encodeToString(image), templateId);
    }

    public GuideMapper.QrCode resolve(String scene) {
        GuideMapper.QrCode code = guides.qrCode(scene);
        if (code == null) {
            throw new BusinessException(GuideError.QRCODE_NOT_FOUND, scene);
        }
        return code;
    }

    /** The code's coupon for the scanning member: the same coupon however often they scan (cause QR:code). */
    public Coupon claim(long memberId, String scene) {
        GuideMapper.QrCode code = resolve(scene);
        if (code.templateId() == null) {
            throw new BusinessException(GuideError.QRCODE_WITHOUT_COUPON, scene);
        }
        return coupons.issueByGuide(memberId, code.templateId(), CouponTemplate.Channel.STORE_QR, "QR:" + code.id(),
                new CouponService.Issuer(code.guideId(), code.storeId())).coupon();
    }
}
