package com.siyumall.order.address;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Addresses")
class AddressController {
    private final AddressBook book;

    AddressController(AddressBook book) {
        this.book = book;
    }

    @Schema(name = "AddressRequest")
    record AddressRequest(@NotBlank @Size(max = 32) String name, @NotBlank @Pattern(regexp = "[0-9+\\- ]{6,20}") String phone,
                          @NotBlank @Pattern(regexp = "\\d{6}") @Schema(description = "the county's administrative division code (GB/T 2260), e.g. 310104")
                          String regionCode,
                          @NotBlank @Size(max = 32) String province, @NotBlank @Size(max = 32) String city,
                          @Size(max = 32) @Schema(description = "empty for a city without counties") String district,
                          @NotBlank @Size(max = 256) String detail,
                          @Schema(description = "make it the default; left out or false keeps the default as it is") Boolean isDefault) {
        AddressBook.Draft draft() {
            return new AddressBook.Draft(name, phone, new Region(regionCode, province, city, district), detail, isDefault);
        }
    }

    @Schema(name = "Address")
    record AddressView(Long id, String name, String phone, String regionCode, String province, String city, String district,
                       @Schema(description = "province, city and district as one line") String region, String detail,
                       boolean isDefault, Instant createdAt, Instant updatedAt) {
        static AddressView of(Address a) {
            return new AddressView(a.id(), a.name(), a.phone(), a.regionCode(), a.province(), a.city(), a.district(),
                    a.region().label(), a.detail(), Boolean.TRUE.equals(a.isDefault()), a.createdAt(), a.updatedAt());
        }
    }

    @GetMapping("/api/addresses")
    @Operation(summary = "My addresses, the default first, then the most recently changed (at most 20)")
    List<AddressView> list() {
        return book.of(CurrentPrincipal.memberId()).stream().map(AddressView::of).toList();
    }

    @GetMapping("/api/addresses/{addressId}")
    AddressView get(@PathVariable long addressId) {
        return AddressView.of(book.get(CurrentPrincipal.memberId(), addressId));
    }

    @PostMapping("/api/addresses")
    @ResponseStatus(HttpStatus.CREATED)
    @Idempotent(value = "address.add", keyRequired = false)
    @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, description = "a repeat returns the first address")
    @Operation(summary = "Save an address; the first one saved is the default. 409 ADDRESS_BOOK_FULL past 20.")
    AddressView add(@Valid @RequestBody AddressRequest request) {
        return AddressView.of(book.add(CurrentPrincipal.memberId(), request.draft()));
    }

    @PutMapping("/api/addresses/{addressId}")
    @Operation(summary = "Change an address (orders keep the address they were sent to)")
    AddressView change(@PathVariable long addressId, @Valid @RequestBody AddressRequest request) {
        return AddressView.of(book.change(CurrentPrincipal.memberId(), addressId, request.draft()));
    }

    @PutMapping("/api/addresses/{addressId}/default")
    @Operation(summary = "Make an address the default")
    AddressView makeDefault(@PathVariable long addressId) {
        return AddressView.of(book.setDefault(CurrentPrincipal.memberId(), addressId));
    }

    @DeleteMapping("/api/addresses/{addressId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete an address; when it was the default, the one changed last becomes the default")
    void delete(@PathVariable long addressId) {
        book.delete(CurrentPrincipal.memberId(), addressId);
    }
}
