package com.siyumall.order.fulfilment;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderQueries;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Pattern;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Store pick-up: a paid pick-up order's six-digit code (on the shopper's order, also as QR content) is verified at
 * the store by one of its guides, or by a merchant account for any store; verifying completes the order.
 */
@RestController
@Validated
@Tag(name = "Store pick-up")
class PickupController {
    /** The code, or the QR content the shopper's order shows ({@code siyumall:pickup:<code>}). */
    private static final String CODE = "(siyumall:pickup:)?\\d{6}";

    private final OrderLifecycle lifecycle;
    private final OrderQueries queries;

    PickupController(OrderLifecycle lifecycle, OrderQueries queries) {
        this.lifecycle = lifecycle;
        this.queries = queries;
    }

    /** The calling guide's store; a guide token without one verifies nothing. */
    private static Long guidesStore() {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        if (guide.storeId() == null) {
            throw new BusinessException(CommonError.FORBIDDEN);
        }
        return guide.storeId();
    }

    private static String codeOf(String scanned) {
        return scanned.substring(scanned.length() - 6);
    }

    @GetMapping("/guide/pickups/{code}")
    @Operation(summary = "The pick-up order with this code, to check it with the shopper before handing it over "
            + "(404 unknown, 403 waiting at another store)")
    OrderQueries.OrderDetail look(@PathVariable @Parameter(description = "six digits, or the QR content") @Pattern(regexp = CODE) String code) {
        Long store = guidesStore();
        Order order = lifecycle.pickupOrder(codeOf(code));
        order.requireVisibleTo(store);
        return queries.detail(order);
    }

    @PostMapping("/guide/pickups/{code}")
    @Idempotent(value = "pickup.verify", keyRequired = false)
    @Operation(summary = "Hand the order over: the code is verified and the order completed — once, only at the order's "
            + "store (403 elsewhere, 409 PICKED_UP_ALREADY for a second scan; a retry with the same Idempotency-Key gets the first answer)")
    OrderQueries.OrderDetail verify(@PathVariable @Parameter(description = "six digits, or the QR content") @Pattern(regexp = CODE) String code) {
        return queries.detail(lifecycle.pickUp(codeOf(code), CurrentPrincipal.get().id(), guidesStore()));
    }

    @GetMapping("/admin/pickups/{code}")
    @Operation(summary = "The pick-up order with this code, at any store")
    OrderQueries.OrderDetail lookAsMerchant(@PathVariable @Pattern(regexp = CODE) String code) {
        return queries.detail(lifecycle.pickupOrder(codeOf(code)));
    }

    @PostMapping("/admin/pickups/{code}")
    @Idempotent(value = "pickup.verify-as-merchant", keyRequired = false)
    @Operation(summary = "Verify a pick-up code at any store (the merchant's staff): the order is completed, once")
    OrderQueries.OrderDetail verifyAsMerchant(@PathVariable @Pattern(regexp = CODE) String code) {
        return queries.detail(lifecycle.pickUp(codeOf(code), CurrentPrincipal.get().id(), null));
    }
}
