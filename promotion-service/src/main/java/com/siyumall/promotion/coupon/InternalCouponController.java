package com.siyumall.promotion.coupon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Coupons for other services (service token only): checkout locks and unlocks them; member-service issues them for a
 * cause (points exchange, open-card gift, birthday) once per cause.
 */
@RestController
@Tag(name = "Internal")
class InternalCouponController {
    private final CouponService coupons;

    InternalCouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    record OrderRef(@NotNull Long memberId, @NotBlank String orderNo) {}

    record IssueRequest(@NotNull Long memberId, @NotNull Long templateId, @NotNull CouponTemplate.Channel channel,
                        @NotBlank @Size(max = 96) String cause) {}

    @PostMapping("/internal/coupons/issue")
    @Operation(summary = "Give the member one coupon of the template for a cause; repeating the cause returns the same coupon")
    CouponService.Issued issue(@Valid @RequestBody IssueRequest request) {
        return coupons.issue(request.memberId(), request.templateId(), request.channel(), request.cause());
    }

    @PostMapping("/internal/coupons/{couponId}/lock")
    @Operation(summary = "Lock the member's unused, valid coupon for an order (409 COUPON_UNAVAILABLE otherwise); repeats are fine")
    Coupon lock(@PathVariable long couponId, @Valid @RequestBody OrderRef ref) {
        return coupons.lock(ref.memberId(), couponId, ref.orderNo());
    }

    @PostMapping("/internal/coupons/{couponId}/unlock")
    ResponseEntity<Void> unlock(@PathVariable long couponId, @Valid @RequestBody OrderRef ref) {
        coupons.unlock(couponId, ref.orderNo());
        return ResponseEntity.noContent().build();
    }
}
