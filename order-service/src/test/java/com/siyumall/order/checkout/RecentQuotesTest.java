package com.siyumall.order.checkout;

import com.siyumall.order.clients.ProductClient;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class RecentQuotesTest {
    private static final Pricing.Basket BASKET = new Pricing.Basket(7, List.of(new Pricing.Item(11, 2)), null, false, true, null);
    private static final Quote SHOWN = new Quote(2000, List.of(), 0, 0, 0, 2000,
            List.of(new Quote.PricedLine(11, 5, "Tea", "500g", "tea.png", 1000, 2)), null, null);

    private static Map<Long, ProductClient.SkuSnapshot> catalog(long price, boolean buyable, String name) {
        return Map.of(11L, new ProductClient.SkuSnapshot(11L, 5L, 3L, name, "500g", Map.of(), "tea.png", price, price, null, buyable));
    }

    @Test
    void theSubmitAfterAPreviewPaysWhatThePreviewShowedOnce() {
        RecentQuotes quotes = new RecentQuotes(Duration.ofSeconds(60), 100);
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(new Pricing.Basket(7, List.of(new Pricing.Item(11, 2)), null, false, true, null), catalog(1000, true, "Tea")))
                .as("an equal basket").isSameAs(SHOWN);
        assertThat(quotes.take(BASKET, catalog(1000, true, "Tea"))).as("taken once: a second submit prices anew").isNull();
    }

    @Test
    void aDifferentBasketOrMemberIsPricedAnew() {
        RecentQuotes quotes = new RecentQuotes(Duration.ofSeconds(60), 100);
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(new Pricing.Basket(7, List.of(new Pricing.Item(11, 3)), null, false, true, null), catalog(1000, true, "Tea"))).isNull();
        assertThat(quotes.take(new Pricing.Basket(8, List.of(new Pricing.Item(11, 2)), null, false, true, null), catalog(1000, true, "Tea"))).isNull();
        assertThat(quotes.take(new Pricing.Basket(7, List.of(new Pricing.Item(11, 2)), 99L, false, true, null), catalog(1000, true, "Tea"))).isNull();
    }

    @Test
    void aQuoteTheCatalogNoLongerAgreesWithIsNotPaid() {
        RecentQuotes quotes = new RecentQuotes(Duration.ofSeconds(60), 100);
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(BASKET, catalog(1200, true, "Tea"))).as("the price changed").isNull();
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(BASKET, catalog(1000, false, "Tea"))).as("off the shelf").isNull();
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(BASKET, catalog(1000, true, "Green tea"))).as("renamed").isNull();
        quotes.remember(BASKET, SHOWN);
        assertThat(quotes.take(BASKET, Map.of())).as("the SKU is gone").isNull();
    }

    @Test
    void aQuoteOlderThanItsHoldOrWithHoldingOffIsNotPaid() {
        java.util.concurrent.atomic.AtomicLong now = new java.util.concurrent.atomic.AtomicLong();
        RecentQuotes quotes = new RecentQuotes(Duration.ofSeconds(60), 100, now::get);
        quotes.remember(BASKET, SHOWN);
        now.set(Duration.ofSeconds(59).toNanos());
        assertThat(quotes.take(BASKET, catalog(1000, true, "Tea"))).as("within the hold").isSameAs(SHOWN);
        quotes.remember(BASKET, SHOWN);
        now.addAndGet(Duration.ofSeconds(60).toNanos());
        assertThat(quotes.take(BASKET, catalog(1000, true, "Tea"))).as("a minute later").isNull();
        RecentQuotes off = new RecentQuotes(Duration.ZERO, 100);
        off.remember(BASKET, SHOWN);
        assertThat(off.take(BASKET, catalog(1000, true, "Tea"))).isNull();
    }
}
