package com.siyumall.member.store;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

import java.time.LocalTime;

/** Stores as other services need them (service token only): checkout checks a pick-up store exists and is operating. */
@RestController
@Tag(name = "Internal")
class InternalStoreController {
    private final StoreService stores;

    InternalStoreController(StoreService stores) {
        this.stores = stores;
    }

    record StoreFacts(Long storeId, String name, String address, String status, LocalTime opensAt, LocalTime closesAt) {}

    @GetMapping("/internal/stores/{storeId}")
    @Operation(summary = "A store's name, address, hours and status (404 when there is no such store)")
    StoreFacts store(@PathVariable long storeId) {
        Store store = stores.get(storeId);
        return new StoreFacts(store.getId(), store.getName(), store.getAddress(), store.getStatus().name(), store.getOpensAt(),
                store.getClosesAt());
    }
}
