package com.siyumall.order.cart;

import com.siyumall.common.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The calling member's cart; no member ever sees or changes another's. */
@RestController
@Tag(name = "Cart")
class CartController {
    private final CartService carts;

    CartController(CartService carts) {
        this.carts = carts;
    }

    record AddItem(@NotNull Long skuId, @NotNull @Min(1) @Max(CartItem.MAX_QUANTITY) Integer quantity) {}

    record ChangeItem(@Min(1) @Max(CartItem.MAX_QUANTITY) Integer quantity, Boolean selected) {}

    @GetMapping("/api/cart")
    @Operation(summary = "The cart with current prices and whether each SKU is still buyable")
    CartService.Cart cart() {
        return carts.of(CurrentPrincipal.memberId());
    }

    @PostMapping("/api/cart/items")
    @Operation(summary = "Add a SKU (adds to the quantity already there, at most 999)")
    CartService.Cart add(@Valid @RequestBody AddItem request) {
        return carts.add(CurrentPrincipal.memberId(), request.skuId(), request.quantity());
    }

    @PatchMapping("/api/cart/items/{skuId}")
    @Operation(summary = "Change a SKU's quantity and/or whether it is selected for checkout")
    CartService.Cart change(@PathVariable long skuId, @Valid @RequestBody ChangeItem request) {
        return carts.change(CurrentPrincipal.memberId(), skuId, request.quantity(), request.selected());
    }

    @DeleteMapping("/api/cart/items/{skuId}")
    CartService.Cart remove(@PathVariable long skuId) {
        return carts.remove(CurrentPrincipal.memberId(), skuId);
    }
}
