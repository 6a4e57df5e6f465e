package com.siyumall.product.stock;

import com.siyumall.common.saga.AbandonedHolds;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Stock for order-service (internal, service token) and the merchant's corrections. */
@RestController
@Tag(name = "Stock")
class StockController {
    private static final String ORDER_NO = ReserveRequest.ORDER_NO;

    private final StockService stock;
    private final StockReconciler reconciler;
    private final AbandonedHolds abandonedHolds;

    StockController(StockService stock, StockReconciler reconciler, AbandonedHolds abandonedHolds) {
        this.stock = stock;
        this.reconciler = reconciler;
        this.abandonedHolds = abandonedHolds;
    }

    record ReservationView(String orderNo, String status, List<ReserveRequest.Line> items) {
        static ReservationView of(StockService.Reservation r) {
            return new ReservationView(r.orderNo(), r.status(), ReserveRequest.of(r.lines()));
        }
    }

    record Adjustment(@NotNull @Min(-1_000_000) @Max(1_000_000) Integer delta, @NotBlank @Size(max = 256) String reason) {}

    record AdjustmentResult(Long skuId, int available) {}

    @PostMapping("/internal/stock/reservations")
    @Operation(summary = "Reserve a basket for an order, all or nothing; repeating it returns the first result")
    ReservationView reserve(@Valid @RequestBody ReserveRequest request) {
        return ReservationView.of(stock.reserve(request.orderNo(), request.lines()));
    }

    @PostMapping("/internal/stock/reservations/{orderNo}/confirm")
    @Operation(summary = "The order was paid: reserved units become sold")
    ReservationView confirm(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo) {
        return ReservationView.of(stock.confirm(orderNo));
    }

    @PostMapping("/internal/stock/reservations/{orderNo}/release")
    @Operation(summary = "The order was cancelled: reserved units go back on sale, once")
    ReservationView release(@PathVariable @Pattern(regexp = ORDER_NO) String orderNo) {
        return ReservationView.of(stock.release(orderNo));
    }

    @PostMapping("/admin/products/{spuId}/skus/{skuId}/stock")
    @Idempotent(value = "stock.adjust", keyRequired = false)
    @Operation(summary = "Correct a SKU's available stock by delta, with a reason (audit-logged)")
    AdjustmentResult adjust(@PathVariable long spuId, @PathVariable long skuId, @Valid @RequestBody Adjustment request) {
        return new AdjustmentResult(skuId, stock.adjust(spuId, skuId, request.delta(), request.reason(), CurrentPrincipal.get().id()));
    }

    @GetMapping("/admin/stock/low")
    @Operation(summary = "SKUs at or under their low-stock threshold, emptiest first")
    PageResult<StockService.LowStockSku> low(@Valid PageQuery page) {
        return PageResult.of(stock.lowStock(page), sku -> sku);
    }

    @PostMapping("/admin/stock/reconcile")
    @Operation(summary = "Compare Redis with MySQL now and repair drift (it also runs every few minutes)")
    StockReconciler.Report reconcile() {
        return reconciler.reconcile();
    }

    record SweepReport(int released) {}

    @PostMapping("/admin/stock/release-abandoned")
    @Operation(summary = "Release units reserved past their TTL by order attempts that made no order (asks order-service; "
            + "it also runs every minute); MERCHANT")
    SweepReport releaseAbandoned() {
        CurrentPrincipal.require(Role.MERCHANT);
        return new SweepReport(abandonedHolds.releaseAbandoned().getOrDefault(stock.hold(), 0));
    }
}
