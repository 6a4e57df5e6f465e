package com.siyumall.promotion.coupon;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Set;

@RestController
@Tag(name = "Coupons")
class CouponController {
    private final CouponService coupons;

    CouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    record TemplateRequest(@NotBlank @Size(max = 64) String name,
                           @NotNull CouponTemplate.Type type,
                           @Min(0) @Max(100_000_000) Long thresholdAmount,
                           @Min(1) @Max(100_000_000) Long amountOff,
                           @Min(1) @Max(99) Integer percentOff,
                           @Min(1) @Max(100_000_000) Long maxOff,
                           @NotNull CouponTemplate.Scope scope,
                           @Size(max = 200) List<@NotNull Long> scopeIds,
                           Instant validFrom, Instant validTo,
                           @Min(1) @Max(3650) Integer validDays,
                           @NotNull @Min(1) @Max(10_000_000) Integer totalQuantity,
                           @NotNull @Min(1) @Max(100) Integer perMemberLimit,
                           @NotEmpty Set<CouponTemplate.Channel> channels,
                           CouponAudience.Type audience, @Size(max = 32) String audienceValue) {}

    record TemplateView(Long templateId, String name, String type, long thresholdAmount, Long amountOff, Integer percentOff,
                        Long maxOff, String scope, List<Long> scopeIds, Instant validFrom, Instant validTo, Integer validDays,
                        int totalQuantity, int issuedQuantity, int perMemberLimit, List<CouponTemplate.Channel> channels,
                        CouponAudience audience, String status) {
        static TemplateView of(CouponTemplate t) {
            return new TemplateView(t.getId(), t.getName(), t.getType().name(), t.getThresholdAmount(), t.getAmountOff(),
                    t.getPercentOff(), t.getMaxOff(), t.getScope().name(), t.scopeIdList(), t.getValidFrom(), t.getValidTo(),
                    t.getValidDays(), t.getTotalQuantity(), t.getIssuedQuantity(), t.getPerMemberLimit(), t.channelList(),
                    t.audienceRule(), t.getStatus().name());
        }
    }

    record AvailableTemplate(TemplateView template, int held) {}

    record CouponView(Long couponId, Long templateId, String templateName, String type, Long amountOff, Integer percentOff,
                      long threshold, Instant validFrom, Instant validTo, String status, String channel, String orderNo) {}

    private CouponView view(Coupon c) {
        CouponTemplate t = coupons.rules(c.templateId());
        return new CouponView(c.id(), c.templateId(), t.getName(), t.getType().name(), t.getAmountOff(), t.getPercentOff(),
                t.getThresholdAmount(), c.validFrom(), c.validTo(), c.status(), c.channel(), c.orderNo());
    }

    @PostMapping("/admin/coupon-templates")
    @Idempotent(value = "coupon.template-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a coupon template (FULL_REDUCTION: thresholdAmount ≥ amountOff; DISCOUNT: percentOff 1–99, "
            + "maxOff; NO_THRESHOLD: amountOff); validity validFrom–validTo or validDays after claiming")
    TemplateView create(@Valid @RequestBody TemplateRequest r) {
        return TemplateView.of(coupons.create(CouponTemplate.define(r.name(), r.type(), r.thresholdAmount() == null ? 0 : r.thresholdAmount(),
                r.amountOff(), r.percentOff(), r.maxOff(), r.scope(), r.scopeIds() == null ? List.of() : r.scopeIds(),
                r.validFrom(), r.validTo(), r.validDays(), r.totalQuantity(), r.perMemberLimit(), r.channels())
                .forAudience(new CouponAudience(r.audience(), r.audienceValue())), CurrentPrincipal.get().id()));
    }

    @GetMapping("/admin/coupon-templates")
    PageResult<TemplateView> templates(@Valid PageQuery page) {
        return PageResult.of(coupons.templates(page), TemplateView::of);
    }

    @GetMapping("/admin/coupon-templates/{templateId}")
    TemplateView template(@PathVariable long templateId) {
        return TemplateView.of(coupons.template(templateId));
    }

    @PostMapping("/admin/coupon-templates/{templateId}/stop")
    @Operation(summary = "Stop issuing a template (coupons already claimed stay valid)")
    TemplateView stop(@PathVariable long templateId) {
        return TemplateView.of(coupons.stop(templateId));
    }

    @GetMapping("/api/coupons/available")
    @Operation(summary = "Templates the calling member can claim in the claim centre now")
    List<AvailableTemplate> available() {
        return coupons.available(CurrentPrincipal.memberId()).stream()
                .map(e -> new AvailableTemplate(TemplateView.of(e.getKey()), e.getValue())).toList();
    }

    @PostMapping("/api/coupons/{templateId}/claim")
    @Idempotent(value = "coupon.claim", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Claim one coupon in the claim centre; never beyond the total or the member's limit")
    CouponView claim(@PathVariable long templateId) {
        return view(coupons.claim(CurrentPrincipal.memberId(), templateId, CouponTemplate.Channel.CLAIM_CENTRE));
    }

    @GetMapping("/admin/coupons")
    @Operation(summary = "A member's coupons, newest first (memberId required; status narrows: UNUSED, LOCKED, USED, EXPIRED)")
    PageResult<CouponView> ofMember(@Valid PageQuery page, @RequestParam long memberId,
                                    @RequestParam(required = false) @Pattern(regexp = "UNUSED|LOCKED|USED|EXPIRED") String status) {
        return PageResult.of(coupons.mine(memberId, status, page), this::view);
    }

    @GetMapping("/api/coupons/mine")
    PageResult<CouponView> mine(@Valid PageQuery page,
                                @RequestParam(required = false) @Pattern(regexp = "UNUSED|LOCKED|USED|EXPIRED") String status) {
        return PageResult.of(coupons.mine(CurrentPrincipal.memberId(), status, page), this::view);
    }
}
