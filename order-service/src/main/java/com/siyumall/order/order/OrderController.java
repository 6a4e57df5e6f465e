package com.siyumall.order.order;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.common.web.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Members read and cancel their own orders; merchants search all of them. */
@RestController
@Tag(name = "Orders")
class OrderController {
    private final OrderQueries queries;
    private final OrderLifecycle lifecycle;

    OrderController(OrderQueries queries, OrderLifecycle lifecycle) {
        this.queries = queries;
        this.lifecycle = lifecycle;
    }

    @GetMapping("/api/orders")
    @Operation(summary = "The calling member's orders, newest first")
    PageResult<OrderQueries.OrderSummary> mine(@Valid PageQuery page, @RequestParam(required = false) OrderStatus status) {
        return queries.page(page, CurrentPrincipal.memberId(), status, null, null, null);
    }

    @GetMapping("/api/orders/{orderNo}")
    @Operation(summary = "One of the calling member's orders with lines, amounts and status history (404 for anyone else's)")
    OrderQueries.OrderDetail get(@PathVariable String orderNo) {
        return queries.detail(lifecycle.ownedBy(CurrentPrincipal.memberId(), orderNo));
    }

    @PostMapping("/api/orders/{orderNo}/cancel")
    @Idempotent(value = "order.cancel", keyRequired = false)
    @Operation(summary = "Cancel an unpaid order: stock, coupon and points go back")
    OrderQueries.OrderDetail cancel(@PathVariable String orderNo) {
        Order order = lifecycle.ownedBy(CurrentPrincipal.memberId(), orderNo);
        order.requireCanMoveTo(OrderStatus.CANCELLED);
        if (!lifecycle.cancel(orderNo, "BY_MEMBER")) {
            lifecycle.get(orderNo).requireCanMoveTo(OrderStatus.CANCELLED);
        }
        return queries.detail(lifecycle.get(orderNo));
    }

    @GetMapping("/admin/orders")
    @Operation(summary = "Search orders by status, member, order number and creation time")
    PageResult<OrderQueries.OrderSummary> search(@Valid PageQuery page, @RequestParam(required = false) OrderStatus status,
                                                @RequestParam(required = false) Long memberId,
                                                @RequestParam(required = false) String orderNo,
                                                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME) Instant from) {
        return queries.page(page, memberId, status, orderNo, from, null);
    }

    @GetMapping("/admin/orders/{orderNo}")
    OrderQueries.OrderDetail adminGet(@PathVariable String orderNo) {
        return queries.detail(lifecycle.get(orderNo));
    }
}
