package com.siyumall.promotion.firstpurchase;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.promotion.coupon.Coupon;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "First purchase")
class FirstPurchaseController {
    private final FirstPurchases firstPurchases;

    FirstPurchaseController(FirstPurchases firstPurchases) {
        this.firstPurchases = firstPurchases;
    }

    record SkuPrice(@NotNull Long skuId, @NotNull @Min(1) Long price) {}

    record FirstPurchaseActivityRequest(@NotBlank @Size(max = 64) String name, @NotNull Instant startsAt, @NotNull Instant endsAt,
                           @NotNull @Min(1) @Max(365) Integer withinDaysOfJoining, Long couponTemplateId,
                           @Size(max = 200) List<@Valid SkuPrice> prices) {}

    record ClaimRequest(@NotNull Long memberId, @NotBlank @Size(max = 32) String orderNo, @NotNull Long activityId) {}

    @PostMapping("/admin/first-purchase-activities")
    @Idempotent(value = "first-purchase.activity-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A first-purchase activity: special SKU prices for members who never paid, within N days of joining")
    FirstPurchaseActivity create(@Valid @RequestBody FirstPurchaseActivityRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        Map<Long, Long> prices = new LinkedHashMap<>();
        if (request.prices() != null) {
            request.prices().forEach(p -> prices.put(p.skuId(), p.price()));
        }
        return firstPurchases.create(FirstPurchaseActivity.define(request.name(), request.startsAt(), request.endsAt(),
                request.withinDaysOfJoining(), request.couponTemplateId(), prices), merchantId);
    }

    @GetMapping("/admin/first-purchase-activities")
    @Operation(summary = "First-purchase activities, newest first")
    PageResult<FirstPurchaseActivity> list(@Valid PageQuery page) {
        return PageResult.of(firstPurchases.page(page), activity -> activity);
    }

    @PostMapping("/admin/first-purchase-activities/{activityId}/stop")
    FirstPurchaseActivity stop(@PathVariable long activityId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return firstPurchases.stop(activityId);
    }

    @GetMapping("/api/first-purchase/offers")
    @Operation(summary = "The first-purchase activities open to the calling member now: special prices and coupons")
    List<FirstPurchaseActivity> offers() {
        return firstPurchases.offersFor(CurrentPrincipal.memberId());
    }

    @PostMapping("/api/first-purchase/{activityId}/coupon")
    @Idempotent(value = "first-purchase.coupon", keyRequired = false)
    @Operation(summary = "The activity's new-member coupon for the calling member: once, however often asked (409 when not eligible)")
    Coupon claimCoupon(@PathVariable long activityId) {
        return firstPurchases.claimCoupon(CurrentPrincipal.memberId(), activityId);
    }

    @PostMapping("/internal/first-purchase/claims")
    @Operation(summary = "Let this order take the member's first-purchase price (409 FIRST_PURCHASE_TAKEN when another holds it)")
    ResponseEntity<Void> claim(@Valid @RequestBody ClaimRequest request) {
        firstPurchases.claim(request.memberId(), request.orderNo(), request.activityId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/internal/first-purchase/claims/{orderNo}/release")
    ResponseEntity<Void> release(@PathVariable String orderNo) {
        firstPurchases.release(orderNo);
        return ResponseEntity.noContent().build();
    }
}
