package com.siyumall.order.exchange;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** member-service's points mall turns SKU exchanges into orders here (service token only). */
@RestController
@Tag(name = "Internal")
class InternalExchangeOrderController {
    private final PointsExchangeOrders exchangeOrders;

    InternalExchangeOrderController(PointsExchangeOrders exchangeOrders) {
        this.exchangeOrders = exchangeOrders;
    }

    @Schema(name = "InternalExchangeOrderAddressRequest")
    record AddressRequest(@NotBlank @Size(max = 32) String name, @NotBlank @Size(max = 20) String phone,
                          @NotBlank @Size(max = 128) String region, @NotBlank @Size(max = 256) String detail) {}

    record ExchangeOrderRequest(@NotNull Long memberId, @NotBlank @Size(max = 30) String exchangeNo, @NotNull Long skuId,
                                @NotNull @Min(1) Long points, @NotNull @Valid AddressRequest address) {}

    @PostMapping("/internal/orders/points-exchange")
    @Operation(summary = "An order of one unit paid with points, born PAID; repeating the exchange returns the same order")
    PointsExchangeOrders.Placed place(@Valid @RequestBody ExchangeOrderRequest request) {
        AddressRequest a = request.address();
        return exchangeOrders.place(request.memberId(), request.exchangeNo(), request.skuId(), request.points(),
                new PointsExchangeOrders.Address(a.name(), a.phone(), a.region(), a.detail()));
    }
}
