package com.siyumall.order.checkout;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.IdempotentRequests;
import com.siyumall.order.clients.PromotionClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
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
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.HashSet;
import java.util.List;

@RestController
@Tag(name = "Checkout")
class CheckoutController {
    private final CheckoutService checkout;

    CheckoutController(CheckoutService checkout) {
        this.checkout = checkout;
    }

    @Schema(name = "CheckoutItem")
    record Item(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity) {}

    @Schema(name = "CheckoutAddressRequest")
    record AddressRequest(@NotBlank @Size(max = 32) String name, @NotBlank @Pattern(regexp = "[0-9+\\- ]{6,20}") String phone,
                          @NotBlank @Size(max = 128) String region, @NotBlank @Size(max = 256) String detail) {}

    record GroupBuy(@NotNull Long activityId, Long groupId) {}

    record OrderRequest(@NotEmpty @Size(max = 50) List<@Valid Item> items, Long couponId, Boolean usePoints,
                        @Valid GroupBuy groupBuy, @Valid AddressRequest address,
                        @Schema(description = "an address from the shopper's address book, instead of address") Long addressId,
                        Long storeId, @Size(max = 256) String remark, @Valid TouchRequest attribution) {
        CheckoutService.Submission submission() {
            if (new HashSet<>(items.stream().map(Item::skuId).toList()).size() != items.size()) {
                throw new BusinessException(CheckoutError.DUPLICATE_ITEMS);
            }
            return new CheckoutService.Submission(items.stream().map(i -> new Pricing.Item(i.skuId(), i.quantity())).toList(),
                    couponId, Boolean.TRUE.equals(usePoints),
                    address == null ? null : new CheckoutService.Address(address.name(), address.phone(), address.region(), address.detail()),
                    addressId, storeId, remark, groupBuy == null ? null : new PromotionClient.GroupBuyRef(groupBuy.activityId(), groupBuy.groupId()),
                    TouchRequest.of(attribution));
        }
    }

    @PostMapping("/api/orders/preview")
    @Operation(summary = "The price of a basket: items, discounts, points, freight (none for store pick-up), amount to pay")
    Quote preview(@Valid @RequestBody OrderRequest request) {
        return checkout.preview(CurrentPrincipal.memberId(), request.submission());
    }

    @PostMapping("/api/orders")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Submit an order (Idempotency-Key required: a repeat returns the first order). Stock is reserved "
            + "until the order is paid or its unpaid time runs out.")
    CheckoutService.Submitted submit(@RequestHeader(value = IdempotentRequests.HEADER, required = false) String idempotencyKey,
                                     @Valid @RequestBody OrderRequest request) {
        CheckoutService.Submission submission = request.submission();
        submission.checkDelivery();
        return checkout.submit(CurrentPrincipal.memberId(), idempotencyKey, submission);
    }
}
