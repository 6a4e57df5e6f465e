package com.siyumall.promotion.coupon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** member-service's MemberLevelChanged, published as it publishes it, gives the level's coupons once. */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class LevelCouponsTest {
    @Autowired
    CouponService coupons;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void reachingALevelGivesItsCouponsOnceEvenWhenTheEventComesTwiceAndSkipsASoldOutOne() {
        long gift = coupons.create(CouponTemplate.define("银卡礼", CouponTemplate.Type.NO_THRESHOLD, 0, 1_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 3, Set.of(CouponTemplate.Channel.SYSTEM)), 1).getId();
        long claimOnly = coupons.create(CouponTemplate.define("领券中心券", CouponTemplate.Type.NO_THRESHOLD, 0, 1_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 3, Set.of(CouponTemplate.Channel.CLAIM_CENTRE)), 1).getId();
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        for (int delivery = 0; delivery < 2; delivery++) {
            new ContractEvents(events, transaction, json).publish(Topics.MEMBER_EVENTS, "MemberLevelChanged", Long.toString(member),
                    "memberId", member, "previousLevelCode", "V0", "levelCode", "SILVER", "levelName", "银卡会员", "levelRank", 1,
                    "growthValue", 120, "couponTemplateIds", List.of(claimOnly, gift), "changedAt", Instant.now());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'promotion-level-coupons' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key = ?)", Integer.class, Long.toString(member)) == 2);
        assertThat(jdbc.queryForList("SELECT template_id FROM coupon WHERE member_id = ?", Long.class, member))
                .as("the level's gift once; the template not open to the system channel skipped").containsExactly(gift);
    }
}
