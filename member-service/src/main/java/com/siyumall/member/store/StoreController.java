package com.siyumall.member.store;

import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.NotBlank;
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

import java.time.LocalTime;
import java.util.List;

@RestController
@Tag(name = "Stores")
class StoreController {
    private final StoreService stores;

    StoreController(StoreService stores) {
        this.stores = stores;
    }

    record StoreRequest(@NotBlank @Size(max = 64) String name,
                        @NotBlank @Size(max = 256) String address,
                        @NotNull @DecimalMin("-90") @DecimalMax("90") Double latitude,
                        @NotNull @DecimalMin("-180") @DecimalMax("180") Double longitude,
                        @NotNull LocalTime opensAt,
                        @NotNull LocalTime closesAt,
                        @Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*") String phone) {
        StoreService.StoreDetails details() {
            return new StoreService.StoreDetails(name, address, latitude, longitude, opensAt, closesAt, phone);
        }
    }

    record StoreView(Long storeId, String name, String address, double latitude, double longitude,
                     LocalTime opensAt, LocalTime closesAt, String phone, String status) {
        static StoreView of(Store store) {
            return new StoreView(store.getId(), store.getName(), store.getAddress(), store.getLatitude(), store.getLongitude(),
                    store.getOpensAt(), store.getClosesAt(), store.getPhone(), store.getStatus().name());
        }
    }

    record NearbyStoreView(Long storeId, String name, String address, double latitude, double longitude,
                           LocalTime opensAt, LocalTime closesAt, String phone, double distanceKm, boolean openNow) {}

    record NearbyStores(List<NearbyStoreView> items) {}

    @GetMapping("/api/stores/nearby")
    @Operation(summary = "Operating stores within radiusKm (default 5, at most 50), nearest first (public)")
    NearbyStores nearby(@RequestParam @DecimalMin("-90") @DecimalMax("90") double lat,
                        @RequestParam @DecimalMin("-180") @DecimalMax("180") double lng,
                        @RequestParam(defaultValue = "5") @DecimalMin(value = "0", inclusive = false) @DecimalMax("50") double radiusKm,
                        @RequestParam(defaultValue = "20") @jakarta.validation.constraints.Min(1) @jakarta.validation.constraints.Max(100) int limit) {
        return new NearbyStores(stores.nearby(lat, lng, radiusKm, limit).stream()
                .map(n -> new NearbyStoreView(n.store().getId(), n.store().getName(), n.store().getAddress(),
                        n.store().getLatitude(), n.store().getLongitude(), n.store().getOpensAt(), n.store().getClosesAt(),
                        n.store().getPhone(), Math.round(n.distanceKm() * 1000) / 1000.0, n.openNow()))
                .toList());
    }

    @GetMapping("/admin/stores")
    @Operation(summary = "Stores, newest first; status filters OPEN or CLOSED, keyword a part of the name or address")
    PageResult<StoreView> list(@Valid PageQuery page, @RequestParam(required = false) Store.Status status,
                               @RequestParam(required = false) @Size(max = 64) String keyword) {
        return PageResult.of(stores.page(page, status, keyword), StoreView::of);
    }

    @GetMapping("/admin/stores/{storeId}")
    StoreView get(@PathVariable long storeId) {
        return StoreView.of(stores.get(storeId));
    }

    @PostMapping("/admin/stores")
    @Idempotent(value = "store.create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a store")
    StoreView create(@Valid @RequestBody StoreRequest request) {
        return StoreView.of(stores.create(request.details()));
    }

    @PutMapping("/admin/stores/{storeId}")
    @Operation(summary = "Change a store's name, address, position, hours or phone")
    StoreView update(@PathVariable long storeId, @Valid @RequestBody StoreRequest request) {
        return StoreView.of(stores.update(storeId, request.details()));
    }

    @PostMapping("/admin/stores/{storeId}/close")
    @Operation(summary = "Close a store: it leaves the nearby search")
    StoreView close(@PathVariable long storeId) {
        return StoreView.of(stores.changeStatus(storeId, Store.Status.CLOSED));
    }

    @PostMapping("/admin/stores/{storeId}/reopen")
    StoreView reopen(@PathVariable long storeId) {
        return StoreView.of(stores.changeStatus(storeId, Store.Status.OPEN));
    }
}
