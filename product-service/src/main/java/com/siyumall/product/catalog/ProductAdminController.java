package com.siyumall.product.catalog;

import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.product.stock.SkuStock;
import com.siyumall.product.stock.StockService;
import io.swagger.v3.oas.annotations.Operation;
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
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The merchant's catalog: products, their SKUs, shelf status and launch times. */
@RestController
@Tag(name = "Products (merchant)")
class ProductAdminController {
    private static final String URL = "https?://.+";

    private final CatalogService catalog;
    private final AdminProducts adminProducts;
    private final StockService stock;

    ProductAdminController(CatalogService catalog, AdminProducts adminProducts, StockService stock) {
        this.catalog = catalog;
        this.adminProducts = adminProducts;
        this.stock = stock;
    }

    record SkuRequest(@NotEmpty @Size(max = 5) Map<@NotBlank @Size(max = 16) String, @NotBlank @Size(max = 32) String> specs,
                      @NotNull @Min(1) @Max(100_000_000) Long price,
                      @Min(1) @Max(100_000_000) Long originalPrice,
                      @Size(max = 64) String barcode,
                      @Min(0) @Max(1_000_000) Integer weightGrams,
                      @Min(0) @Max(1_000_000) Integer stock,
                      @Min(0) @Max(1_000_000) Integer lowStockThreshold) {
        CatalogService.NewSku toNewSku() {
            return new CatalogService.NewSku(specs, price, originalPrice == null ? price : originalPrice, barcode, weightGrams,
                    stock == null ? 0 : stock, lowStockThreshold == null ? 0 : lowStockThreshold);
        }
    }

    record SkuChangeRequest(@NotNull @Min(1) @Max(100_000_000) Long price,
                            @Min(1) @Max(100_000_000) Long originalPrice,
                            @Size(max = 64) String barcode,
                            @Min(0) @Max(1_000_000) Integer weightGrams,
                            @Min(0) @Max(1_000_000) Integer lowStockThreshold) {}

    record ProductRequest(@NotNull Long categoryId,
                          @NotBlank @Size(max = 128) String name,
                          @Size(max = 256) String subtitle,
                          @Size(max = 20_000) String description,
                          @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 512) @Pattern(regexp = URL) String> images,
                          @Size(max = 10) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[^,]+") String> tags,
                          Instant launchAt,
                          Boolean onShelf,
                          @NotEmpty @Size(max = 100) List<@Valid SkuRequest> skus) {
        CatalogService.ProductInfo info() {
            return new CatalogService.ProductInfo(categoryId, name, subtitle, description, images,
                    tags == null ? List.of() : tags, launchAt);
        }
    }

    record ProductInfoRequest(@NotNull Long categoryId,
                              @NotBlank @Size(max = 128) String name,
                              @Size(max = 256) String subtitle,
                              @Size(max = 20_000) String description,
                              @NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 512) @Pattern(regexp = URL) String> images,
                              @Size(max = 10) List<@NotBlank @Size(max = 32) @Pattern(regexp = "[^,]+") String> tags,
                              Instant launchAt) {}

    record AdminSku(Long skuId, Map<String, String> specs, long price, long originalPrice, String barcode, Integer weightGrams,
                    int lowStockThreshold, int available, int reserved, int sold) {}

    record AdminProduct(Long spuId, Long categoryId, String name, String subtitle, String description, String status,
                        Instant launchAt, Instant onSaleSince, long minPrice, long sales, List<String> images, List<String> tags,
                        List<AdminSku> skus, Instant createdAt, Instant updatedAt) {}

    private AdminProduct view(Spu spu) {
        List<Sku> skuList = adminProducts.skusOf(spu.getId());
        Map<Long, SkuStock> stocks = stock.stockOf(skuList.stream().map(Sku::getId).toList()).stream()
                .collect(Collectors.toMap(SkuStock::skuId, Function.identity()));
        return new AdminProduct(spu.getId(), spu.getCategoryId(), spu.getName(), spu.getSubtitle(), spu.getDescription(),
                spu.getStatus().name(), spu.getLaunchAt(), spu.getOnSaleSince(), spu.getMinPrice(), spu.getSales(), spu.getImages(),
                spu.tagList(),
                skuList.stream().map(s -> {
                    SkuStock st = stocks.get(s.getId());
                    return new AdminSku(s.getId(), s.getSpecs(), s.getPrice(), s.getOriginalPrice(), s.getBarcode(),
                            s.getWeightGrams(), s.getLowStockThreshold(), st == null ? 0 : st.available(),
                            st == null ? 0 : st.reserved(), st == null ? 0 : st.sold());
                }).toList(), spu.getCreatedAt(), spu.getUpdatedAt());
    }

    @GetMapping("/admin/products")
    @Operation(summary = "All products (any status), newest first; filter by status, category, keyword")
    PageResult<AdminProduct> list(@Valid PageQuery page, @RequestParam(required = false) Spu.Status status,
                                  @RequestParam(required = false) Long categoryId,
                                  @RequestParam(required = false) @Size(max = 64) String keyword) {
        return PageResult.of(adminProducts.page(page, status, categoryId, keyword), this::view);
    }

    @GetMapping("/admin/products/{spuId}")
    AdminProduct get(@PathVariable long spuId) {
        return view(catalog.get(spuId));
    }

    @PostMapping("/admin/products")
    @Idempotent(value = "catalog.product-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a product with its SKUs and opening stock; off the shelf unless onShelf is true. "
            + "A future launchAt makes it coming soon: visible, not buyable until then.")
    AdminProduct create(@Valid @RequestBody ProductRequest request) {
        return view(catalog.create(request.info(), request.skus().stream().map(SkuRequest::toNewSku).toList(),
                Boolean.TRUE.equals(request.onShelf())));
    }

    @PutMapping("/admin/products/{spuId}")
    AdminProduct update(@PathVariable long spuId, @Valid @RequestBody ProductInfoRequest request) {
        return view(catalog.update(spuId, new CatalogService.ProductInfo(request.categoryId(), request.name(), request.subtitle(),
                request.description(), request.images(), request.tags() == null ? List.of() : request.tags(), request.launchAt())));
    }

    @PostMapping("/admin/products/{spuId}/skus")
    @Idempotent(value = "catalog.sku-add", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    AdminProduct addSku(@PathVariable long spuId, @Valid @RequestBody SkuRequest request) {
        catalog.addSku(spuId, request.toNewSku());
        return view(catalog.get(spuId));
    }

    @PutMapping("/admin/products/{spuId}/skus/{skuId}")
    @Operation(summary = "Change a SKU's price and details; a lower price notifies the members with a price alert")
    AdminProduct updateSku(@PathVariable long spuId, @PathVariable long skuId, @Valid @RequestBody SkuChangeRequest request) {
        catalog.updateSku(spuId, skuId, new CatalogService.SkuChange(request.price(),
                request.originalPrice() == null ? request.price() : request.originalPrice(), request.barcode(),
                request.weightGrams(), request.lowStockThreshold() == null ? 0 : request.lowStockThreshold()));
        return view(catalog.get(spuId));
    }

    @PostMapping("/admin/products/{spuId}/on-shelf")
    AdminProduct onShelf(@PathVariable long spuId) {
        return view(catalog.putOnShelf(spuId));
    }

    @PostMapping("/admin/products/{spuId}/off-shelf")
    AdminProduct offShelf(@PathVariable long spuId) {
        return view(catalog.takeOffShelf(spuId));
    }
}
