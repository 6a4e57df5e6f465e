package com.siyumall.insight.coupons;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.InsightFixtures;
import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static com.siyumall.insight.InsightFixtures.someMember;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Coupons followed from CouponIssued to the OrderPaid that used them. */
@InsightIntegrationTest
class CouponEffectTest {
    /** Days no other test's facts fall on (theirs are 1991–1998, 2001–2017, 2019 and the last year). */
    private static final LocalDate DAY = LocalDate.of(1990, 2, 20);

    @Autowired
    InsightFixtures facts;

    private static long someId() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    private List<Map<String, Object>> rows(String query) {
        return (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/coupons" + query).getBody().get("rows");
    }

    @Test
    void eachTemplatesCouponsAreFollowedToTheOrdersThatUsedThem() {
        long welcome = someId();
        long guideGift = someId();
        long first = someMember();
        long second = someMember();
        long[] coupons = {someId(), someId(), someId(), someId()};
        facts.couponIssued(coupons[0], welcome, "新人券", first, "CLAIM_CENTRE", null, null, DAY);
        facts.couponIssued(coupons[1], welcome, "新人券", first, "CLAIM_CENTRE", null, null, DAY);
        facts.couponIssued(coupons[2], welcome, "新人券", second, "CLAIM_CENTRE", null, null, DAY.plusDays(1));
        facts.couponIssued(coupons[3], guideGift, "导购礼券", second, "GUIDE", 77L, 88L, DAY);
        facts.paidWithCoupon(first, DAY.plusDays(3), 3_000, coupons[0]);
        facts.paidWithCoupon(second, DAY.plusDays(40), 2_000, coupons[2]); // paid after the period: still the period's coupon
        facts.paid(second, DAY.plusDays(2), 9_000); // no coupon

        String query = "?from=" + DAY + "&to=" + DAY.plusDays(6);
        await().atMost(Duration.ofSeconds(30)).until(() -> rows(query).stream().anyMatch(r -> r.get("id").equals(Long.toString(welcome))
                && r.get("used").equals(2) && r.get("issued").equals(3)) && rows(query).size() == 2);
        List<Map<String, Object>> byTemplate = rows(query);
        assertThat(byTemplate.get(0)).containsEntry("id", Long.toString(welcome)).containsEntry("name", "新人券").containsEntry("issued", 3)
                .containsEntry("members", 2).containsEntry("used", 2).containsEntry("useRate", 0.6667).containsEntry("gmv", 5_000)
                .containsEntry("gmvPerCoupon", 1_666);
        assertThat(byTemplate.get(1)).containsEntry("id", Long.toString(guideGift)).containsEntry("issued", 1).containsEntry("used", 0)
                .containsEntry("gmv", 0);
        assertThat(rows(query + "&by=CHANNEL")).extracting(r -> r.get("id") + ":" + r.get("issued") + ":" + r.get("used"))
                .containsExactly("CLAIM_CENTRE:3:2", "GUIDE:1:0");
    }

    @Test
    void anUnknownGroupingOrAnotherRoleIsRefused() {
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/coupons?by=COLOUR").getStatusCode().value()).isEqualTo(400);
        assertThat(facts.get(TestTokens.shopper(someMember()), "/admin/insights/coupons").getStatusCode().value()).isEqualTo(403);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/coupons?by=CHANNEL").getStatusCode().value()).isEqualTo(200);
    }
}
