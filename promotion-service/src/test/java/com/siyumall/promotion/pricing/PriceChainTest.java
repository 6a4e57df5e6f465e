package com.siyumall.promotion.pricing;

import com.siyumall.common.error.BusinessException;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;

/** The chain's invariants over many generated baskets, members and coupons (pure logic, no database). */
class PriceChainTest {
    private static final int BASKETS = 20_000;

    private static PriceChain.Basket basket(Random random) {
        List<PriceChain.Line> lines = new ArrayList<>();
        int count = 1 + random.nextInt(6);
        for (int i = 0; i < count; i++) {
            long price = random.nextInt(10) == 0 ? 1 + random.nextInt(5) : 1 + random.nextInt(200_000);
            lines.add(new PriceChain.Line(i + 1, 100 + random.nextInt(4), (long) random.nextInt(3), price, 1 + random.nextInt(5)));
        }
        PriceChain.MemberTerms member = new PriceChain.MemberTerms("L", random.nextInt(4) == 0 ? 0 : random.nextInt(51),
                random.nextInt(5) == 0 ? 0 : random.nextInt(2_000_000), 1 + random.nextInt(1_000), random.nextInt(101));
        return new PriceChain.Basket(7, lines, member, random.nextBoolean());
    }

    private static CouponTemplate coupon(Random random) {
        Instant from = Instant.parse("2026-01-01T00:00:00Z");
        Instant to = Instant.parse("2027-01-01T00:00:00Z");
        List<Long> spus = List.of(100L + random.nextInt(4));
        CouponTemplate.Scope scope = CouponTemplate.Scope.values()[random.nextInt(3)];
        List<Long> scopeIds = scope == CouponTemplate.Scope.CATEGORY ? List.of((long) random.nextInt(3)) : spus;
        return switch (random.nextInt(3)) {
            case 0 -> {
                long off = 1 + random.nextInt(50_000);
                yield CouponTemplate.define("满减", CouponTemplate.Type.FULL_REDUCTION, off + random.nextInt(100_000), off, null, null,
                        scope, scopeIds, from, to, null, 10, 1, EnumSet.of(CouponTemplate.Channel.CLAIM_CENTRE));
            }
            case 1 -> CouponTemplate.define("折扣", CouponTemplate.Type.DISCOUNT, random.nextInt(50_000), null, 1 + random.nextInt(99),
                    random.nextBoolean() ? null : (long) 1 + random.nextInt(30_000), scope, scopeIds, from, to, null, 10, 1,
                    EnumSet.of(CouponTemplate.Channel.CLAIM_CENTRE));
            default -> CouponTemplate.define("无门槛", CouponTemplate.Type.NO_THRESHOLD, 0, (long) 1 + random.nextInt(500_000), null, null,
                    scope, scopeIds, from, to, null, 10, 1, EnumSet.of(CouponTemplate.Channel.CLAIM_CENTRE));
        };
    }

    private static List<PriceChain.Step> steps(CouponTemplate coupon) {
        List<PriceChain.Step> steps = new ArrayList<>();
        steps.add(PriceChain.LEVEL_DISCOUNT);
        if (coupon != null) {
            steps.add(new CouponStep(42, coupon));
        }
        steps.add(PriceChain.POINTS);
        return steps;
    }

    @Test
    void everyGeneratedBasketPaysBetweenOneFenAndItsItemsAndAddsUpAndUsesNoMorePointsThanItHasOrMay() {
        Random random = new Random(20261123);
        int priced = 0;
        int refusedBelowThreshold = 0;
        for (int i = 0; i < BASKETS; i++) {
            PriceChain.Basket basket = basket(random);
            CouponTemplate coupon = random.nextInt(3) == 0 ? null : coupon(random);
            PriceChain.Quote quote;
            try {
                quote = PriceChain.quote(basket, steps(coupon));
            } catch (BusinessException e) {
                assertThat(e.errorCode().code()).isEqualTo("COUPON_NOT_APPLICABLE");
                refusedBelowThreshold++;
                continue;
            }
            priced++;
            long items = basket.lines().stream().mapToLong(l -> l.price() * l.quantity()).sum();
            long discounts = quote.discounts().stream().mapToLong(PriceChain.Discount::amount).sum();
            assertThat(quote.itemsAmount()).isEqualTo(items);
            assertThat(quote.payAmount()).as("basket %d", i).isBetween(1L, items);
            assertThat(quote.payAmount()).isEqualTo(items - discounts - quote.pointsAmount());
            assertThat(quote.discounts()).allSatisfy(d -> assertThat(d.amount()).isPositive());
            assertThat(quote.pointsUsed()).isBetween(0L, basket.member().pointsBalance());
            if (!basket.usePoints()) {
                assertThat(quote.pointsUsed()).isZero();
            }
            long beforePoints = items - discounts;
            assertThat(quote.pointsAmount()).as("the merchant's cap").isLessThanOrEqualTo(beforePoints * basket.member().maxPointsDeductPercent() / 100);
            assertThat(quote.pointsAmount() * basket.member().pointsPerYuan()).as("the points cover the fen they pay")
                    .isLessThanOrEqualTo(quote.pointsUsed() * 100);
            assertThat(PriceChain.quote(basket, steps(coupon))).as("the same input, the same quote").isEqualTo(quote);
        }
        assertThat(priced).as("most baskets price").isGreaterThan(BASKETS / 2);
        assertThat(refusedBelowThreshold).as("and thresholds do refuse some").isPositive();
    }

    @Test
    void aSilverMemberWithACouponAndPointsGetsEachStepAsAnExplainedLine() {
        PriceChain.Basket basket = new PriceChain.Basket(7, List.of(new PriceChain.Line(1, 100, 1L, 10_000, 2)),
                new PriceChain.MemberTerms("银卡会员", 5, 5_000, 100, 50), true);
        CouponTemplate coupon = CouponTemplate.define("满150减20", CouponTemplate.Type.FULL_REDUCTION, 15_000, 2_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), Instant.parse("2026-01-01T00:00:00Z"), Instant.parse("2027-01-01T00:00:00Z"),
                null, 10, 1, EnumSet.of(CouponTemplate.Channel.CLAIM_CENTRE));

        PriceChain.Quote quote = PriceChain.quote(basket, steps(coupon));

        assertThat(quote.discounts()).extracting(PriceChain.Discount::kind, PriceChain.Discount::amount)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("LEVEL", 1_000L), org.assertj.core.groups.Tuple.tuple("COUPON", 2_000L));
        assertThat(quote.pointsAmount()).as("5000 points = 50 yuan, under the cap of half of 170 yuan").isEqualTo(5_000);
        assertThat(quote.pointsUsed()).isEqualTo(5_000);
        assertThat(quote.payAmount()).isEqualTo(20_000 - 1_000 - 2_000 - 5_000);
    }
}
