package com.siyumall.promotion.pricing;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** The discounts of a basket, for checkout (service token only). */
@RestController
@Tag(name = "Internal")
class PricingController {
    private final Pricing pricing;

    PricingController(Pricing pricing) {
        this.pricing = pricing;
    }

    record Line(@NotNull Long skuId, @NotNull Long spuId, Long categoryId, @NotNull @Min(1) Long price, @NotNull @Min(1) Integer quantity) {}

    record QuoteRequest(@NotNull Long memberId, Long couponId, @NotEmpty List<@Valid Line> lines) {}

    @PostMapping("/internal/pricing/quote")
    @Operation(summary = "The discounts promotions give this basket (today: the member's coupon, if named and applicable)")
    Pricing.Quote quote(@Valid @RequestBody QuoteRequest request) {
        return pricing.quote(request.memberId(), request.couponId(), request.lines().stream()
                .map(l -> new Pricing.Line(l.skuId(), l.spuId(), l.categoryId(), l.price(), l.quantity())).toList());
    }
}
