package com.siyumall.product.catalog;

import com.siyumall.common.error.BusinessException;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SpuAndSkuRulesTest {
    private static final Instant NOW = Instant.parse("2026-11-22T02:00:00Z");

    private static Spu spu(Instant launchAt) {
        return Spu.draft(1, "连衣裙", null, null, List.of("https://img/1.jpg"), List.of("新品"), launchAt);
    }

    @Test
    void aProductWithAFutureLaunchIsComingSoonThenGoesOnSaleByItselfAndIsNewForAWhile() {
        Spu spu = spu(NOW.plus(Duration.ofHours(2)));
        assertThat(spu.isVisible()).isFalse();
        spu.putOnShelf(NOW);

        assertThat(spu.isComingSoonAt(NOW)).isTrue();
        assertThat(spu.isBuyableAt(NOW)).isFalse();
        Instant launched = NOW.plus(Duration.ofHours(2));
        assertThat(spu.isBuyableAt(launched)).isTrue();
        assertThat(spu.isNewAt(launched.plus(Duration.ofDays(13)), Duration.ofDays(14))).isTrue();
        assertThat(spu.isNewAt(launched.plus(Duration.ofDays(14)), Duration.ofDays(14))).isFalse();
    }

    @Test
    void anOffShelfProductIsNeitherVisibleNorBuyable() {
        Spu spu = spu(null);
        spu.putOnShelf(NOW);
        spu.takeOffShelf();
        assertThat(spu.isVisible()).isFalse();
        assertThat(spu.isBuyableAt(NOW)).isFalse();
    }

    @Test
    void pricesMustBePositiveAndNotAboveTheOriginal() {
        assertThatThrownBy(() -> Sku.of(1, Map.of("c", "r"), 0, 10, null, null, 0)).isInstanceOf(BusinessException.class)
                .hasMessage("INVALID_PRICE");
        assertThatThrownBy(() -> Sku.of(1, Map.of("c", "r"), 100, 99, null, null, 0)).hasMessage("ORIGINAL_PRICE_BELOW_PRICE");
        Sku sku = Sku.of(1, Map.of("c", "r"), 100, 100, null, null, 0);
        assertThat(sku.reprice(90, 100)).as("a drop").isTrue();
        assertThat(sku.reprice(95, 100)).isFalse();
    }

    @Test
    void specsAreTheSameWhateverOrderTheirNamesComeIn() {
        Map<String, String> a = new LinkedHashMap<>();
        a.put("颜色", "红");
        a.put("尺码", "M");
        Map<String, String> b = new LinkedHashMap<>();
        b.put("尺码", "M");
        b.put("颜色", "红");
        assertThat(Sku.keyOf(a)).isEqualTo(Sku.keyOf(b));
        assertThatThrownBy(() -> Sku.requireDistinctSpecs(List.of(a, b))).hasMessage("DUPLICATE_SPECS");
    }
}
