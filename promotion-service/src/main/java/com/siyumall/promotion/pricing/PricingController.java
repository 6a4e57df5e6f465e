package com.siyumall.promotion.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The price of a basket, for checkout (service token only). */
@RestController
@Tag(name = "Internal")
class PricingController {
    private final Pricing pricing;

    PricingController(Pricing pricing) {
        this.pricing = pricing;
    }

    @Schema(name = "PricingLine")
    record Line(@NotNull Long skuId, @NotNull Long spuId, Long categoryId, @NotNull @Min(1) Long price, @NotNull @Min(1) Integer quantity) {}

    @Schema(name = "PricingMember")
    record Member(@Size(max = 32) String levelName, @Min(0) @Max(50) int levelDiscountPercent, @Min(0) long pointsBalance,
                  @Min(1) long pointsPerYuan, @Min(0) @Max(100) int maxPointsDeductPercent) {}

    record GroupBuy(@NotNull Long activityId, Long groupId) {}

    record QuoteRequest(@NotNull Long memberId, Long couponId, Boolean usePoints, @Valid Member member, @Valid GroupBuy groupBuy,
                        @NotEmpty @Size(max = 100) List<@Valid Line> lines) {}

    @PostMapping("/internal/pricing/quote")
    @Operation(summary = "The price of a basket through the chain: level discount, first purchase, coupon, points (or a group price) — each an explained line")
    PriceChain.Quote quote(@Valid @RequestBody QuoteRequest request) {
        PriceChain.MemberTerms member = request.member() == null ? PriceChain.MemberTerms.NONE
                : new PriceChain.MemberTerms(request.member().levelName(), request.member().levelDiscountPercent(),
                        request.member().pointsBalance(), request.member().pointsPerYuan(), request.member().maxPointsDeductPercent());
        return pricing.quote(new PriceChain.Basket(request.memberId(), request.lines().stream()
                .map(l -> new PriceChain.Line(l.skuId(), l.spuId(), l.categoryId(), l.price(), l.quantity())).toList(),
                member, Boolean.TRUE.equals(request.usePoints())), request.couponId(),
                request.groupBuy() == null ? null : new PriceChain.GroupBuyRef(request.groupBuy().activityId(), request.groupBuy().groupId()));
    }
}
