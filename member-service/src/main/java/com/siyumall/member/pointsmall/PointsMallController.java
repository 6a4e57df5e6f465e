package com.siyumall.member.pointsmall;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.IdempotentRequests;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Points mall")
class PointsMallController {
    private final PointsMallCatalog catalog;
    private final PointsExchanges exchanges;

    PointsMallController(PointsMallCatalog catalog, PointsExchanges exchanges) {
        this.catalog = catalog;
        this.exchanges = exchanges;
    }

    record ItemRequest(@NotBlank @Size(max = 64) String name, @NotNull PointsMallItem.Kind kind, Long couponTemplateId, Long skuId,
                       @Size(max = 512) @Pattern(regexp = "https?://.+") String image,
                       @NotNull @Min(1) @Max(100_000_000) Long pointsPrice, @NotNull @Min(0) @Max(1_000_000) Integer stock,
                       @NotNull @Min(1) @Max(100) Integer perMemberLimit) {}

    record AddressRequest(@NotBlank @Size(max = 32) String name, @NotBlank @Pattern(regexp = "[0-9+\\- ]{6,20}") String phone,
                          @NotBlank @Size(max = 128) String region, @NotBlank @Size(max = 256) String detail) {}

    record ExchangeRequest(@Valid AddressRequest address) {}

    record ShelfRequest(@NotNull PointsMallItem.Status status) {}

    record StockRequest(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta) {}

    @PostMapping("/admin/points-mall/items")
    @Idempotent(value = "points-mall.item-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put an item in the points mall (on the shelf at once)")
    PointsMallItem create(@Valid @RequestBody ItemRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        return catalog.create(PointsMallItem.define(request.name(), request.kind(), request.couponTemplateId(), request.skuId(), request.image(),
                request.pointsPrice(), request.stock(), request.perMemberLimit()), merchantId);
    }

    @GetMapping("/admin/points-mall/items")
    PageResult<PointsMallItem> all(@Valid PageQuery page) {
        return PageResult.of(catalog.items(null, page), i -> i);
    }

    @PutMapping("/admin/points-mall/items/{itemId}/shelf")
    PointsMallItem shelf(@PathVariable long itemId, @Valid @RequestBody ShelfRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return catalog.setStatus(itemId, request.status());
    }

    @PostMapping("/admin/points-mall/items/{itemId}/stock")
    @Idempotent(value = "points-mall.stock", keyRequired = false)
    @Operation(summary = "Add stock (or remove, never below what is left)")
    PointsMallItem stock(@PathVariable long itemId, @Valid @RequestBody StockRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return catalog.addStock(itemId, request.delta());
    }

    @GetMapping("/api/points-mall/items")
    @Operation(summary = "Items on the shelf (public)")
    PageResult<PointsMallItem> onShelf(@Valid PageQuery page) {
        return PageResult.of(catalog.items(PointsMallItem.Status.ON_SHELF, page), i -> i);
    }

    @PostMapping("/api/points-mall/{itemId}/exchange")
    @Idempotent("points-mall.exchange")
    @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
            description = "one per exchange; a repeat (even a concurrent one) returns the first exchange")
    @Operation(summary = "Exchange points for the item: points, stock and the member's allowance are taken at once, then the "
            + "coupon is issued or the SKU ordered to the given address (status DONE with couponId or orderNo; PENDING if the "
            + "delivering service could not confirm yet, finished later). Idempotency-Key required.")
    PointsMallMapper.Exchange exchange(@PathVariable long itemId, @Valid @RequestBody(required = false) ExchangeRequest request) {
        AddressRequest a = request == null ? null : request.address();
        return exchanges.exchange(CurrentPrincipal.memberId(), itemId,
                a == null ? null : new ExchangeOrders.Address(a.name(), a.phone(), a.region(), a.detail()));
    }

    @GetMapping("/api/points-mall/exchanges")
    @Operation(summary = "The calling member's exchanges, newest first")
    PageResult<PointsMallMapper.Exchange> mine(@Valid PageQuery page) {
        return PageResult.of(exchanges.exchangesOf(CurrentPrincipal.memberId(), page), e -> e);
    }
}
