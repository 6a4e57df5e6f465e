package com.siyumall.promotion.coupon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.persistence.RedisKeys;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.redisson.api.RedissonClient;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class CouponClaimTest {
    @Autowired
    CouponService coupons;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    TestRestTemplate http;
    @Autowired
    RedissonClient redis;
    @Autowired
    RedisKeys keys;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    private CouponTemplate template(int total, int perMember) {
        return coupons.create(CouponTemplate.define("测试券", CouponTemplate.Type.FULL_REDUCTION, 10_000, 1_000L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, total, perMember, Set.of(CouponTemplate.Channel.CLAIM_CENTRE)), 1);
    }

    @Test
    void twoThousandClaimsForFiveHundredCouponsIssueExactlyFiveHundredAndNoMemberMoreThanTwo() throws Exception {
        long templateId = template(500, 2).getId();
        long firstMember = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        ExecutorService pool = Executors.newFixedThreadPool(16);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger midRunFlush = new AtomicInteger();
        List<Future<Boolean>> claims = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            long member = firstMember + i % 400;
            claims.add(pool.submit(() -> {
                start.await();
                if (midRunFlush.incrementAndGet() == 700) {
                    // Redis forgets the counters mid-run; MySQL's guards must still hold
                    redis.getKeys().deleteByPattern(keys.key("promotion:{coupon:" + templateId + "}:*"));
                }
                try {
                    coupons.claim(member, templateId, CouponTemplate.Channel.CLAIM_CENTRE);
                    return true;
                } catch (BusinessException e) {
                    assertThat(e.errorCode().code()).isIn("COUPON_SOLD_OUT", "COUPON_LIMIT_REACHED");
                    return false;
                }
            }));
        }
        start.countDown();
        int issued = 0;
        for (Future<Boolean> claim : claims) {
            issued += claim.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(issued).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE template_id = ?", Integer.class, templateId)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT issued_quantity FROM coupon_template WHERE id = ?", Integer.class, templateId)).isEqualTo(500);
        assertThat(jdbc.queryForObject("SELECT MAX(n) FROM (SELECT COUNT(*) n FROM coupon WHERE template_id = ? GROUP BY member_id) c",
                Integer.class, templateId)).isLessThanOrEqualTo(2);
    }


    @Test
    void oneMemberClaimingFiftyTimesAtOnceWithALimitOfOneGetsOne() throws Exception {
        long templateId = template(100, 1).getId();
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        List<String> outcomes = AtOnce.run(50, () -> {
            try {
                coupons.claim(member, templateId, CouponTemplate.Channel.CLAIM_CENTRE);
                return "CLAIMED";
            } catch (BusinessException e) {
                return e.errorCode().code();
            }
        });
        assertThat(outcomes).filteredOn("CLAIMED"::equals).hasSize(1);
        assertThat(outcomes).filteredOn(o -> !o.equals("CLAIMED")).containsOnly("COUPON_LIMIT_REACHED");
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE template_id = ? AND member_id = ?", Integer.class, templateId, member))
                .isEqualTo(1);
    }

    @Test
    void aCauseGetsItsCouponOnceHoweverOftenAndHoweverConcurrentlyItIsRepeated() throws Exception {
        long templateId = coupons.create(CouponTemplate.define("升级礼券", CouponTemplate.Type.NO_THRESHOLD, 0, 500L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 5, Set.of(CouponTemplate.Channel.SYSTEM)), 1).getId();
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        List<CouponService.Issued> issues = AtOnce.run(12, () -> coupons.issue(member, templateId, CouponTemplate.Channel.SYSTEM, "LEVEL:GOLD"));

        assertThat(issues).extracting(i -> i.coupon().id()).containsOnly(issues.get(0).coupon().id());
        assertThat(issues).filteredOn(CouponService.Issued::newlyIssued).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT issued_quantity FROM coupon_template WHERE id = ?", Integer.class, templateId)).isEqualTo(1);
        assertThat(coupons.issue(member, templateId, CouponTemplate.Channel.SYSTEM, "LEVEL:DIAMOND").newlyIssued())
                .as("another cause, another coupon").isTrue();
        assertThatThrownBy(() -> coupons.issue(member, templateId, CouponTemplate.Channel.STORE_QR, "QR:1"))
                .as("a channel the template does not allow").hasMessage("COUPON_NOT_CLAIMABLE");
    }

    @Test
    void aTemplatesAudienceDecidesWhoSeesItAndWhoMayClaimIt() {
        long gold = coupons.create(CouponTemplate.define("金卡专享", CouponTemplate.Type.NO_THRESHOLD, 0, 500L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 1, Set.of(CouponTemplate.Channel.CLAIM_CENTRE))
                .forAudience(new CouponAudience(CouponAudience.Type.LEVEL_AT_LEAST, "2")), 1).getId();
        long vip = coupons.create(CouponTemplate.define("VIP 专享", CouponTemplate.Type.NO_THRESHOLD, 0, 500L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 1, Set.of(CouponTemplate.Channel.CLAIM_CENTRE))
                .forAudience(new CouponAudience(CouponAudience.Type.SEGMENT, "vip")), 1).getId();
        long goldMember = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        long vipMember = goldMember + 1;
        ContractEvents memberService = new ContractEvents(events, transaction, json);
        memberService.publish(Topics.MEMBER_EVENTS, "MemberLevelChanged", Long.toString(goldMember),
                "memberId", goldMember, "levelCode", "GOLD", "levelRank", 2);
        memberService.publish(Topics.MEMBER_EVENTS, "MemberTagged", Long.toString(vipMember), "memberId", vipMember, "tags", List.of("vip"));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM member_purchase_fact WHERE (member_id = ? AND level_rank = 2) OR (member_id = ? AND tags = 'vip')",
                Integer.class, goldMember, vipMember) == 2);

        assertThat(coupons.available(goldMember)).extracting(e -> e.getKey().getId()).contains(gold).doesNotContain(vip);
        assertThat(coupons.available(vipMember)).extracting(e -> e.getKey().getId()).contains(vip).doesNotContain(gold);
        assertThat(coupons.claim(goldMember, gold, CouponTemplate.Channel.CLAIM_CENTRE).templateId()).isEqualTo(gold);
        assertThatThrownBy(() -> coupons.claim(vipMember, gold, CouponTemplate.Channel.CLAIM_CENTRE)).hasMessage("COUPON_NOT_FOR_YOU");
        assertThat(jdbc.queryForObject("SELECT issued_quantity FROM coupon_template WHERE id = ?", Integer.class, gold))
                .as("the refused claim took nothing").isEqualTo(1);
    }

    @Test
    void anInsightSegmentAudienceTakesItsMembersAsInsightLastAnnouncedThemWhateverOrderTheAnnouncementsCameIn() {
        long segment = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000_000L);
        long dormant = coupons.create(CouponTemplate.define("沉睡唤醒券", CouponTemplate.Type.NO_THRESHOLD, 0, 800L, null, null,
                CouponTemplate.Scope.ALL, List.of(), null, null, 30, 100, 1, Set.of(CouponTemplate.Channel.CLAIM_CENTRE))
                .forAudience(new CouponAudience(CouponAudience.Type.INSIGHT_SEGMENT, Long.toString(segment))), 1).getId();
        long stays = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        long leaves = stays + 1;
        long outside = stays + 2;
        ContractEvents insight = new ContractEvents(events, transaction, json);
        List<String> announcements = List.of(
                segmentChanged(insight, segment, 2_000, List.of(stays, leaves), List.of()),
                segmentChanged(insight, segment, 3_000, List.of(), List.of(leaves)),
                // older than the last one, arriving late: changes nothing
                segmentChanged(insight, segment, 1_000, List.of(leaves), List.of(stays)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'promotion-insight-segments' AND event_id IN (?, ?, ?)",
                Integer.class, announcements.toArray()) == 3);

        assertThat(coupons.available(stays)).extracting(e -> e.getKey().getId()).contains(dormant);
        assertThat(coupons.available(leaves)).extracting(e -> e.getKey().getId()).doesNotContain(dormant);
        assertThat(coupons.available(outside)).extracting(e -> e.getKey().getId()).doesNotContain(dormant);
        assertThat(coupons.claim(stays, dormant, CouponTemplate.Channel.CLAIM_CENTRE).templateId()).isEqualTo(dormant);
        assertThatThrownBy(() -> coupons.claim(leaves, dormant, CouponTemplate.Channel.CLAIM_CENTRE)).hasMessage("COUPON_NOT_FOR_YOU");
        assertThatThrownBy(() -> coupons.claim(outside, dormant, CouponTemplate.Channel.CLAIM_CENTRE)).hasMessage("COUPON_NOT_FOR_YOU");
        assertThat(jdbc.queryForObject("SELECT issued_quantity FROM coupon_template WHERE id = ?", Integer.class, dormant))
                .as("only the member still in the segment got one").isEqualTo(1);
    }

    private String segmentChanged(ContractEvents insight, long segmentId, long version, List<Long> added, List<Long> removed) {
        return insight.publish(Topics.INSIGHT_EVENTS, "SegmentMembershipChanged", Long.toString(segmentId),
                "segmentId", Long.toString(segmentId), "name", "沉睡会员", "version", version,
                "added", added, "removed", removed, "deleted", false);
    }

    @Test
    void aLockedCouponBelongsToOneOrderUntilItIsUnlockedOrUsed() {
        long templateId = template(10, 1).getId();
        Coupon coupon = coupons.claim(77, templateId, CouponTemplate.Channel.CLAIM_CENTRE);

        assertThatThrownBy(() -> coupons.lock(78, coupon.id(), "O1")).hasMessage("COUPON_UNAVAILABLE");
        assertThat(coupons.lock(77, coupon.id(), "O1").status()).isEqualTo("LOCKED");
        assertThat(coupons.lock(77, coupon.id(), "O1").status()).as("a repeat").isEqualTo("LOCKED");
        assertThatThrownBy(() -> coupons.lock(77, coupon.id(), "O2")).hasMessage("COUPON_UNAVAILABLE");
        coupons.unlock(coupon.id(), "O1");
        assertThat(coupons.coupon(coupon.id()).status()).isEqualTo("UNUSED");
        coupons.lock(77, coupon.id(), "O2");
        coupons.use(coupon.id(), "O2");
        coupons.unlock(coupon.id(), "O2");
        assertThat(coupons.coupon(coupon.id()).status()).isEqualTo("USED");
        assertThatThrownBy(() -> coupons.claim(77, templateId, CouponTemplate.Channel.CLAIM_CENTRE)).hasMessage("COUPON_LIMIT_REACHED");
    }

    @Test
    void tenOrdersRacingForOneCouponLockItOnce() throws Exception {
        Coupon coupon = coupons.claim(88, template(10, 1).getId(), CouponTemplate.Channel.CLAIM_CENTRE);
        ExecutorService pool = Executors.newFixedThreadPool(10);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> locks = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String orderNo = "RACE-" + coupon.id() + "-" + i;
            locks.add(pool.submit(() -> {
                start.await();
                try {
                    coupons.lock(88, coupon.id(), orderNo);
                    return true;
                } catch (BusinessException e) {
                    assertThat(e.errorCode().code()).isEqualTo("COUPON_UNAVAILABLE");
                    return false;
                }
            }));
        }
        start.countDown();
        int locked = 0;
        for (Future<Boolean> lock : locks) {
            locked += lock.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(locked).isEqualTo(1);
        assertThat(coupons.coupon(coupon.id()).orderNo()).startsWith("RACE-" + coupon.id());
    }

    @Test
    void membersClaimOverHttpAndBadTemplatesAreRefused() {
        HttpHeaders merchant = new HttpHeaders();
        merchant.setContentType(MediaType.APPLICATION_JSON);
        merchant.setBearerAuth(TestTokens.merchant(1));
        ResponseEntity<String> invalid = http.exchange("/admin/coupon-templates", HttpMethod.POST, new HttpEntity<>(Map.of(
                "name", "坏券", "type", "FULL_REDUCTION", "thresholdAmount", 100, "amountOff", 500, "scope", "ALL",
                "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE")), merchant), String.class);
        assertThat(invalid.getStatusCode().value()).isEqualTo(400);
        assertThat(invalid.getBody()).contains("TEMPLATE_INVALID");
        ResponseEntity<String> notASegmentId = http.exchange("/admin/coupon-templates", HttpMethod.POST, new HttpEntity<>(Map.of(
                "name", "分群券", "type", "NO_THRESHOLD", "amountOff", 500, "scope", "ALL", "validDays", 7, "totalQuantity", 10,
                "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE"), "audience", "INSIGHT_SEGMENT", "audienceValue", "dormant"),
                merchant), String.class);
        assertThat(notASegmentId.getStatusCode().value()).isEqualTo(400);
        assertThat(notASegmentId.getBody()).contains("TEMPLATE_INVALID").contains("segment id");

        ResponseEntity<String> created = http.exchange("/admin/coupon-templates", HttpMethod.POST, new HttpEntity<>(Map.of(
                "name", "满100减10", "type", "FULL_REDUCTION", "thresholdAmount", 10_000, "amountOff", 1_000, "scope", "ALL",
                "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1, "channels", List.of("CLAIM_CENTRE")), merchant), String.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String templateId = created.getBody().replaceAll(".*\"templateId\":\"(\\d+)\".*", "$1");

        HttpHeaders shopper = new HttpHeaders();
        shopper.setBearerAuth(TestTokens.shopper(4321));
        assertThat(http.exchange("/api/coupons/available", HttpMethod.GET, new HttpEntity<>(shopper), String.class).getBody()).contains(templateId);
        assertThat(http.exchange("/api/coupons/" + templateId + "/claim", HttpMethod.POST, new HttpEntity<>(shopper), String.class)
                .getStatusCode().value()).isEqualTo(201);
        ResponseEntity<String> again = http.exchange("/api/coupons/" + templateId + "/claim", HttpMethod.POST, new HttpEntity<>(shopper), String.class);
        assertThat(again.getStatusCode().value()).isEqualTo(409);
        assertThat(again.getBody()).contains("COUPON_LIMIT_REACHED");
        assertThat(http.exchange("/api/coupons/mine", HttpMethod.GET, new HttpEntity<>(shopper), String.class).getBody())
                .contains("\"status\":\"UNUSED\"");
        assertThat(http.exchange("/api/coupons/available", HttpMethod.GET, new HttpEntity<>(shopper), String.class).getBody())
                .doesNotContain(templateId);
        assertThat(http.exchange("/admin/coupon-templates", HttpMethod.POST, new HttpEntity<>(Map.of(), shopper), String.class)
                .getStatusCode().value()).isEqualTo(403);
    }

    private ResponseEntity<String> claimOverHttp(long templateId, long memberId, String idempotencyKey) {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.shopper(memberId));
        if (idempotencyKey != null) {
            headers.set("Idempotency-Key", idempotencyKey);
        }
        return http.exchange("/api/coupons/" + templateId + "/claim", HttpMethod.POST, new HttpEntity<>(null, headers), String.class);
    }

    @Test
    void aClaimRetriedWithItsKeyGetsTheFirstCouponEvenWhenTheRetriesArriveTogether() throws Exception {
        long templateId = template(100, 5).getId();
        long member = ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
        String key = java.util.UUID.randomUUID().toString();

        List<ResponseEntity<String>> retries = AtOnce.run(6, () -> claimOverHttp(templateId, member, key));

        List<String> answered = retries.stream().filter(r -> r.getStatusCode().value() == 201)
                .map(r -> readCouponId(r.getBody())).distinct().toList();
        assertThat(answered).as("every completed retry names the one coupon claimed").hasSize(1);
        assertThat(retries).allSatisfy(r -> assertThat(r.getStatusCode().value()).as(r.getBody()).isIn(201, 409));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, member, templateId))
                .as("one claim however often it was sent").isEqualTo(1);

        assertThat(claimOverHttp(templateId, member, null).getStatusCode().value()).as("without a key a claim is a new claim").isEqualTo(201);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon WHERE member_id = ? AND template_id = ?", Integer.class, member, templateId))
                .isEqualTo(2);
    }

    private String readCouponId(String body) {
        try {
            return json.readTree(body).path("couponId").asText();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
