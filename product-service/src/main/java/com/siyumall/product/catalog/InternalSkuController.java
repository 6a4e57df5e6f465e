package com.siyumall.product.catalog;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** SKU snapshots for order lines (service-to-service only). */
@RestController
@Tag(name = "Internal")
class InternalSkuController {
    private final CatalogFacts facts;

    InternalSkuController(CatalogFacts facts) {
        this.facts = facts;
    }

    record Snapshots(List<CatalogFacts.SkuSnapshot> items) {}

    @GetMapping("/internal/skus")
    @Operation(summary = "Name, spec text, image, price and whether buyable now, for each existing SKU id")
    Snapshots snapshots(@RequestParam @NotEmpty @Size(max = 100) List<Long> ids) {
        return new Snapshots(facts.snapshots(ids));
    }
}
