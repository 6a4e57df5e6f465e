package com.siyumall.product.catalog;

import com.siyumall.product.stock.ReserveRequest;
import com.siyumall.product.stock.StockLine;
import com.siyumall.product.stock.StockService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** SKU snapshots for order lines, and checkout's one call here: reserve a basket and learn its SKUs (service-to-service only). */
@RestController
@Tag(name = "Internal")
class InternalSkuController {
    private final CatalogFacts facts;
    private final StockService stock;

    InternalSkuController(CatalogFacts facts, StockService stock) {
        this.facts = facts;
        this.stock = stock;
    }

    record ReservedBasket(String orderNo, String status, List<ReserveRequest.Line> items, List<CatalogFacts.SkuSnapshot> skus) {}

    @PostMapping("/internal/checkout/reservations")
    @Operation(summary = "Reserve a basket for an order, all or nothing (a repeat returns the first result), and answer the "
            + "snapshots of its SKUs: what checkout prices and what its order lines keep, in one call")
    ReservedBasket reserve(@Valid @RequestBody ReserveRequest request) {
        StockService.Reservation reservation = stock.reserve(request.orderNo(), request.lines());
        return new ReservedBasket(reservation.orderNo(), reservation.status(), ReserveRequest.of(reservation.lines()),
                facts.snapshots(reservation.lines().stream().map(StockLine::skuId).toList()));
    }

    record Snapshots(List<CatalogFacts.SkuSnapshot> items) {}

    @GetMapping("/internal/skus")
    @Operation(summary = "Name, spec text, image, price and whether buyable now, for each existing SKU id")
    Snapshots snapshots(@RequestParam @NotEmpty @Size(max = 100) List<Long> ids) {
        return new Snapshots(facts.snapshots(ids));
    }
}
