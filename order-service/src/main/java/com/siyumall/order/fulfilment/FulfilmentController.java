package com.siyumall.order.fulfilment;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.Idempotent;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderQueries;
import com.siyumall.order.order.OrderStatus;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Duration;

/** The merchant ships; the member confirms receipt (or the auto-confirm timer does, N days after shipping). */
@RestController
@Tag(name = "Fulfilment")
class FulfilmentController {
    private final OrderLifecycle lifecycle;
    private final OrderQueries queries;
    private final Duration autoConfirmAfter;

    FulfilmentController(OrderLifecycle lifecycle, OrderQueries queries,
                         @Value("${siyumall.order.auto-confirm-after:7d}") Duration autoConfirmAfter) {
        this.lifecycle = lifecycle;
        this.queries = queries;
        this.autoConfirmAfter = autoConfirmAfter;
    }

    record Shipment(@NotBlank @Size(max = 32) String carrier, @NotBlank @Pattern(regexp = "[A-Za-z0-9-]{4,64}") String trackingNo) {}

    @PostMapping("/admin/orders/{orderNo}/ship")
    @Idempotent(value = "order.ship", keyRequired = false)
    @Operation(summary = "Ship a paid order with carrier and tracking number; receipt is confirmed automatically after some days")
    OrderQueries.OrderDetail ship(@PathVariable String orderNo, @Valid @RequestBody Shipment shipment) {
        if (!lifecycle.ship(orderNo, shipment.carrier(), shipment.trackingNo(), autoConfirmAfter)) {
            // says why it could not ship: unknown, not paid, shipped already, its group still open
            lifecycle.get(orderNo).requireCanMoveTo(OrderStatus.SHIPPED);
        }
        return queries.detail(lifecycle.get(orderNo));
    }

    @PostMapping("/api/orders/{orderNo}/confirm-receipt")
    @Idempotent(value = "order.confirm-receipt", keyRequired = false)
    @Operation(summary = "The member received the goods: the order is completed")
    OrderQueries.OrderDetail confirm(@PathVariable String orderNo) {
        Order order = lifecycle.ownedBy(CurrentPrincipal.memberId(), orderNo);
        order.requireCanMoveTo(OrderStatus.COMPLETED);
        if (!lifecycle.complete(orderNo, "RECEIPT_CONFIRMED")) {
            lifecycle.get(orderNo).requireCanMoveTo(OrderStatus.COMPLETED);
        }
        return queries.detail(lifecycle.get(orderNo));
    }
}
