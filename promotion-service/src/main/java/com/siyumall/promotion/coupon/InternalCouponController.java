package com.siyumall.promotion.coupon;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Checkout's side of coupons (service token only): lock for an order, unlock when it fails or is cancelled. */
@RestController
@Tag(name = "Internal")
class InternalCouponController {
    private final CouponService coupons;

    InternalCouponController(CouponService coupons) {
        this.coupons = coupons;
    }

    record OrderRef(@NotNull Long memberId, @NotBlank String orderNo) {}

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
