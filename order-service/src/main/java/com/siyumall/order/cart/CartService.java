package com.siyumall.order.cart;

import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.ProductClient;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The member's cart, shown with today's prices and whether each SKU can still be bought. */
@Service
public class CartService {
    private final CartMapper cart;
    private final ProductClient products;
    private final Clock clock;

    CartService(CartMapper cart, ProductClient products, Clock clock) {
        this.cart = cart;
        this.products = products;
        this.clock = clock;
    }

    @Schema(name = "CartLine")
    public record Line(Long skuId, Long spuId, String name, String specText, String image, int quantity, boolean selected,
                       Long price, boolean buyable) {}

    public record Cart(List<Line> items, long selectedAmount, int selectedQuantity) {}

    public Cart of(long memberId) {
        List<CartItem> items = cart.itemsOf(memberId);
        return cartOf(items, products.snapshots(items.stream().map(CartItem::skuId).toList()));
    }

    private static Cart cartOf(List<CartItem> items, Map<Long, ProductClient.SkuSnapshot> snapshots) {
        List<Line> lines = items.stream().map(item -> {
            ProductClient.SkuSnapshot s = snapshots.get(item.skuId());
            return s == null
                    ? new Line(item.skuId(), null, null, null, null, item.quantity(), item.selected(), null, false)
                    : new Line(item.skuId(), s.spuId(), s.name(), s.specText(), s.image(), item.quantity(), item.selected(), s.price(), s.buyable());
        }).toList();
        long amount = lines.stream().filter(l -> l.selected() && l.buyable()).mapToLong(l -> l.price() * l.quantity()).sum();
        int quantity = lines.stream().filter(l -> l.selected() && l.buyable()).mapToInt(Line::quantity).sum();
        return new Cart(lines, amount, quantity);
    }

    /** Adds units of a SKU; one call to product-service checks the SKU and prices the whole cart. */
    public Cart add(long memberId, long skuId, int quantity) {
        List<CartItem> before = cart.itemsOf(memberId);
        boolean alreadyIn = before.stream().anyMatch(i -> i.skuId() == skuId);
        if (!alreadyIn && before.size() >= CartItem.MAX_ITEMS) {
            throw new BusinessException(CartError.CART_FULL, CartItem.MAX_ITEMS);
        }
        List<Long> skuIds = new ArrayList<>(before.stream().map(CartItem::skuId).toList());
        if (!alreadyIn) {
            skuIds.add(skuId);
        }
        Map<Long, ProductClient.SkuSnapshot> snapshots = products.snapshots(skuIds);
        if (!snapshots.containsKey(skuId)) {
            throw new BusinessException(CartError.SKU_NOT_FOUND, skuId);
        }
        Instant now = clock.instant();
        cart.add(memberId, skuId, quantity, CartItem.MAX_QUANTITY, now);
        return cartOf(CartItem.afterAdding(before, memberId, skuId, quantity, now), snapshots);
    }

    public Cart change(long memberId, long skuId, Integer quantity, Boolean selected) {
        int changed = 0;
        if (quantity != null) {
            changed += cart.setQuantity(memberId, skuId, quantity, clock.instant());
        }
        if (selected != null) {
            changed += cart.select(memberId, skuId, selected, clock.instant());
        }
        if (changed == 0 && (quantity != null || selected != null)) {
            throw new BusinessException(CartError.CART_ITEM_NOT_FOUND, skuId);
        }
        return of(memberId);
    }

    public Cart remove(long memberId, long skuId) {
        cart.remove(memberId, skuId);
        return of(memberId);
    }

    /** After an order: the SKUs bought leave the cart. */
    public void removeAll(long memberId, List<Long> skuIds) {
        skuIds.forEach(skuId -> cart.remove(memberId, skuId));
    }
}
