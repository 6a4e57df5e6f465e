package com.siyumall.order.checkout;

import com.siyumall.order.clients.ProductClient;

import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * The quotes this process just showed in previews, so the submit that follows a preview pays what the shopper saw
 * without asking member-service and promotion-service again (those two calls were half of a submit's cost). A quote
 * is taken once, within {@code holdsFor} of its preview, and only if the catalog still says the same thing for every
 * line (the snapshots the reservation returned: buyable, same price, name, spec and image); otherwise the submit
 * prices the basket anew. What a quote promises is still guarded at the step that takes it: the coupon lock, the
 * points hold, the first-purchase claim and the group-buy seat refuse what is no longer there. Bounded: when full,
 * it starts over (a miss only costs a fresh price).
 */
final class RecentQuotes {
    private final long holdsForNanos;
    private final int maxEntries;
    private final Map<Pricing.Basket, Shown> shown = new ConcurrentHashMap<>();
    private final LongSupplier nanoTime;

    private record Shown(Quote quote, long atNanos) {}

    RecentQuotes(Duration holdsFor, int maxEntries) {
        this(holdsFor, maxEntries, System::nanoTime);
    }

    /** {@code nanoTime}: the monotonic clock (a test's own). */
    RecentQuotes(Duration holdsFor, int maxEntries, LongSupplier nanoTime) {
        this.holdsForNanos = holdsFor.toNanos();
        this.maxEntries = maxEntries;
        this.nanoTime = nanoTime;
    }

    void remember(Pricing.Basket basket, Quote quote) {
        if (holdsForNanos <= 0) {
            return;
        }
        if (shown.size() >= maxEntries && !shown.containsKey(basket)) {
            shown.clear();
        }
        shown.put(basket, new Shown(quote, nanoTime.getAsLong()));
    }

    /** The quote shown for this basket, if it still holds against the catalog's snapshots; taken at most once. */
    Quote take(Pricing.Basket basket, Map<Long, ProductClient.SkuSnapshot> snapshots) {
        Shown taken = shown.remove(basket);
        if (taken == null || nanoTime.getAsLong() - taken.atNanos() >= holdsForNanos) {
            return null;
        }
        for (Quote.PricedLine line : taken.quote().lines()) {
            ProductClient.SkuSnapshot sku = snapshots.get(line.skuId());
            if (sku == null || !sku.buyable() || sku.price() != line.price() || !sku.spuId().equals(line.spuId())
                    || !Objects.equals(sku.name(), line.name()) || !Objects.equals(sku.specText(), line.specText())
                    || !Objects.equals(sku.image(), line.image())) {
                return null;
            }
        }
        return taken.quote();
    }
}
