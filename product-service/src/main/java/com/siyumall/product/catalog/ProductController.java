package com.siyumall.product.catalog;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Locale;

/** The shopper's catalog: lists and details are public; price alerts belong to the calling member. */
@RestController
@Tag(name = "Products")
class ProductController {
    private final ProductQueries products;
    private final CatalogService catalog;

    ProductController(ProductQueries products, CatalogService catalog) {
        this.products = products;
        this.catalog = catalog;
    }

    record PriceAlertRequest(@NotNull Long skuId) {}

    @GetMapping("/api/products")
    @Operation(summary = "Products on the shelf (coming-soon ones included, flagged): by category (with sub-categories), "
            + "keyword (name, subtitle, tags; Chinese works), sorted by sales (default), price or new")
    PageResult<ProductQueries.ProductSummary> list(@RequestParam(required = false) Long categoryId,
                                                   @RequestParam(required = false) @Size(max = 64) String keyword,
                                                   @RequestParam(defaultValue = "sales") String sort,
                                                   @Valid PageQuery page) {
        return products.list(categoryId, keyword, sortOf(sort), page);
    }

    private static ProductQueries.Sort sortOf(String sort) {
        try {
            return ProductQueries.Sort.valueOf(sort.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "sort");
        }
    }

    @GetMapping("/api/products/{spuId}")
    @Operation(summary = "A product with its SKUs, prices and available stock (404 when off the shelf)")
    ProductQueries.ProductDetail detail(@PathVariable long spuId) {
        return products.detail(spuId);
    }

    @PostMapping("/api/products/{spuId}/price-alerts")
    @Operation(summary = "Tell me when this SKU gets cheaper (a PriceDropped event names the members who asked)")
    ResponseEntity<Void> watchPrice(@PathVariable long spuId, @Valid @RequestBody PriceAlertRequest request) {
        catalog.watchPrice(CurrentPrincipal.memberId(), spuId, request.skuId());
        return ResponseEntity.noContent().build();
    }
}
