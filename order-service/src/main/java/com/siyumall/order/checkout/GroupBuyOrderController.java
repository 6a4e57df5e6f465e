package com.siyumall.order.checkout;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.IdempotentRequests;
import com.siyumall.order.clients.PromotionClient;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * Opening and joining a group (API.md's group-buy paths; the gateway sends them here): each places a checkout order of
 * one unit of the activity's SKU at the group price, with the same saga, idempotency and errors as /api/orders.
 */
@RestController
@Tag(name = "Group-buy orders")
class GroupBuyOrderController {
    private final CheckoutService checkout;
    private final PromotionClient promotions;

    GroupBuyOrderController(CheckoutService checkout, PromotionClient promotions) {
        this.checkout = checkout;
        this.promotions = promotions;
    }

    @Schema(name = "GroupBuyOrderAddressRequest")
    record AddressRequest(@NotBlank @Size(max = 32) String name, @NotBlank @Pattern(regexp = "[0-9+\\- ]{6,20}") String phone,
                          @NotBlank @Size(max = 128) String region, @NotBlank @Size(max = 256) String detail) {}

    record GroupOrderRequest(@Valid AddressRequest address,
                             @Schema(description = "an address from the shopper's address book, instead of address") Long addressId,
                             Long storeId, Boolean usePoints, @Size(max = 256) String remark,
                             @Valid TouchRequest attribution) {}

    @PostMapping("/api/group-buys/{activityId}/groups")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a group as its leader: an order of one unit at the group price (Idempotency-Key required)")
    CheckoutService.Submitted open(@PathVariable long activityId, @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                   @Valid @RequestBody GroupOrderRequest request) {
        return place(activityId, null, key, request);
    }

    @PostMapping("/api/group-buys/groups/{groupId}/join")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Join a friend's group from a share: an order of one unit at the group price (409 GROUP_FULL)")
    CheckoutService.Submitted join(@PathVariable long groupId, @RequestHeader(value = IdempotentRequests.HEADER, required = false) String key,
                                   @Valid @RequestBody GroupOrderRequest request) {
        return place(promotions.groupBuyGroup(groupId).activityId(), groupId, key, request);
    }

    private CheckoutService.Submitted place(long activityId, Long groupId, String key, GroupOrderRequest request) {
        long skuId = promotions.groupBuyActivity(activityId).skuId();
        AddressRequest a = request.address();
        CheckoutService.Submission submission = new CheckoutService.Submission(List.of(new Pricing.Item(skuId, 1)), null,
                Boolean.TRUE.equals(request.usePoints()),
                a == null ? null : new CheckoutService.Address(a.name(), a.phone(), a.region(), a.detail()), request.addressId(),
                request.storeId(),
                request.remark(), new PromotionClient.GroupBuyRef(activityId, groupId), TouchRequest.of(request.attribution()));
        submission.checkDelivery();
        return checkout.submit(CurrentPrincipal.memberId(), key, submission);
    }
}
