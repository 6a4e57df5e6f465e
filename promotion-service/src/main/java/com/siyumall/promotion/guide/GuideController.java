package com.siyumall.promotion.guide;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.promotion.coupon.Coupon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Guide coupons and QR codes")
class GuideController {
    private final GuideCoupons coupons;
    private final GuideQrCodes codes;

    GuideController(GuideCoupons coupons, GuideQrCodes codes) {
        this.coupons = coupons;
        this.codes = codes;
    }

    record QuotaRequest(@NotNull Long guideId, @NotNull @Min(0) @Max(1_000_000) Integer quota) {}

    record GuideIssueRequest(@NotNull Long memberId, @NotNull Long templateId) {}

    record QrCodeRequest(Long templateId) {}

    record ScannedCode(String scene, Long guideId, Long storeId, Long templateId) {}

    @PutMapping("/admin/coupon-templates/{templateId}/guide-quotas")
    @Operation(summary = "Give a guide a quota of this template (replaces the quota; what they issued stays counted)")
    List<GuideMapper.Quota> setQuota(@PathVariable long templateId, @Valid @RequestBody QuotaRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        return coupons.setQuota(templateId, request.guideId(), request.quota(), merchantId);
    }

    @GetMapping("/admin/coupon-templates/{templateId}/guide-quotas")
    List<GuideMapper.Quota> quotas(@PathVariable long templateId) {
        return coupons.quotasOfTemplate(templateId);
    }

    @GetMapping("/guide/coupons/quotas")
    @Operation(summary = "The calling guide's quotas: given and used per template")
    List<GuideMapper.Quota> myQuotas() {
        return coupons.quotasOfGuide(CurrentPrincipal.require(Role.GUIDE).id());
    }

    @PostMapping("/guide/coupons/issue")
    @Idempotent(value = "guide.coupon-issue", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Issue a coupon from the guide's quota to one of the guide's own customers (409 GUIDE_QUOTA_EXCEEDED)")
    Coupon issue(@Valid @RequestBody GuideIssueRequest request) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return coupons.issue(guide.id(), guide.storeId(), request.memberId(), request.templateId());
    }

    @PostMapping("/guide/qrcodes")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A mini-program code that binds the scanning member to this guide and store and hands over the coupon")
    GuideQrCodes.Made makeQrCode(@RequestBody(required = false) QrCodeRequest request) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return codes.make(guide.id(), guide.storeId(), request == null ? null : request.templateId());
    }

    @GetMapping("/api/qrcodes/{scene}")
    @Operation(summary = "What a scanned scene means (public): log in with its guideId and storeId, then claim its coupon")
    ScannedCode scanned(@PathVariable String scene) {
        GuideMapper.QrCode code = codes.resolve(scene);
        return new ScannedCode(code.scene(), code.guideId(), code.storeId(), code.templateId());
    }

    @PostMapping("/api/qrcodes/{scene}/claim")
    @Idempotent(value = "qrcode.claim", keyRequired = false)
    @Operation(summary = "The scanned code's coupon for the calling member: one, however often they scan")
    Coupon claim(@PathVariable String scene) {
        return codes.claim(CurrentPrincipal.memberId(), scene);
    }
}
