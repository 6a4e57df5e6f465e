package com.siyumall.member.subscription;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.Role;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.devstack.DevStack;
import com.siyumall.member.MemberApi;
import com.siyumall.member.merchant.MerchantAccountService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Sends checked against what the WeChat sandbox received. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class SubscriptionMessagesTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;
    @Autowired
    MerchantAccountService accounts;

    private record Shopper(long memberId, String token, String openid) {}

    private Shopper shopper(MemberApi api) {
        MemberApi.Reply login = api.wechatLogin(MemberApi.newWechatUser());
        long memberId = Long.parseLong(login.text("memberId"));
        String openid = jdbc.queryForObject("SELECT openid FROM member_wechat_identity WHERE member_id = ? LIMIT 1", String.class, memberId);
        return new Shopper(memberId, login.text("accessToken"), openid);
    }

    private List<Map<String, Object>> receivedBy(String openid) {
        return DevStack.get().wechat().subscribeMessages().stream().filter(m -> openid.equals(m.get("touser"))).toList();
    }

    private void paid(String orderNo, long memberId) {
        new ContractEvents(events, transaction, json).publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo,
                "orderNo", orderNo, "memberId", memberId, "payAmount", 12_300, "paidAt", Instant.now());
    }

    private String status(long memberId, String cause) {
        return jdbc.queryForObject("SELECT status FROM subscription_send WHERE member_id = ? AND cause = ?", String.class, memberId, cause);
    }

    private int handled(long memberId, String cause) {
        return jdbc.queryForObject("SELECT COUNT(*) FROM subscription_send WHERE member_id = ? AND cause = ? AND status <> 'PENDING'",
                Integer.class, memberId, cause);
    }

    @Test
    void aMessageIsSentOncePerAcceptanceAndNeverWithoutOne() {
        MemberApi api = new MemberApi(http);
        Shopper shopper = shopper(api);
        String before = "SM0-" + shopper.memberId();
        paid(before, shopper.memberId());
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(shopper.memberId(), "OrderPaid:" + before) == 1);
        assertThat(status(shopper.memberId(), "OrderPaid:" + before)).isEqualTo("SKIPPED");
        assertThat(receivedBy(shopper.openid())).as("no acceptance, no message").isEmpty();

        MemberApi.Reply accepted = api.post("/api/subscriptions", shopper.token(), Map.of("templateIds", List.of("tpl-order-paid")));
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(accepted.body().path("unused").get(0).path("count").asInt()).isEqualTo(1);

        String orderNo = "SM1-" + shopper.memberId();
        paid(orderNo, shopper.memberId());
        paid(orderNo, shopper.memberId());
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-message-order-paid' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key = ?)", Integer.class, orderNo) == 2);
        List<Map<String, Object>> received = receivedBy(shopper.openid());
        assertThat(received).as("the same order paid twice sends once").hasSize(1);
        assertThat(received.get(0).get("template_id")).isEqualTo("tpl-order-paid");
        assertThat(received.get(0).toString()).contains(orderNo, "123.00");
        assertThat(api.get("/api/subscriptions", shopper.token()).body().path("unused")).as("the acceptance is used").isEmpty();

        String after = "SM2-" + shopper.memberId();
        paid(after, shopper.memberId());
        await().atMost(Duration.ofSeconds(30)).until(() -> handled(shopper.memberId(), "OrderPaid:" + after) == 1);
        assertThat(status(shopper.memberId(), "OrderPaid:" + after)).as("one acceptance, one message").isEqualTo("SKIPPED");
        assertThat(receivedBy(shopper.openid())).hasSize(1);

        MemberApi.Reply unknown = api.post("/api/subscriptions", shopper.token(), Map.of("templateIds", List.of("tpl-nope")));
        assertThat(unknown.status()).isEqualTo(422);
        assertThat(unknown.code()).isEqualTo("UNKNOWN_TEMPLATE");
    }

    @Test
    void everyMemberOfASucceededGroupWithAnAcceptanceIsToldOnce() {
        MemberApi api = new MemberApi(http);
        Shopper leader = shopper(api);
        Shopper friend = shopper(api);
        api.post("/api/subscriptions", leader.token(), Map.of("templateIds", List.of("tpl-group-buy-succeeded", "tpl-group-buy-succeeded")));
        long groupId = leader.memberId() + 7;
        for (int delivery = 0; delivery < 2; delivery++) {
            new ContractEvents(events, transaction, json).publish(Topics.PROMOTION_EVENTS, "GroupBuySucceeded", Long.toString(groupId),
                    "groupId", groupId, "activityId", 1, "activityName", "两人拼团",
                    "memberIds", List.of(leader.memberId(), friend.memberId()), "succeededAt", Instant.now());
        }

        await().atMost(Duration.ofSeconds(30)).until(() -> handled(friend.memberId(), "GroupBuySucceeded:" + groupId) == 1
                && handled(leader.memberId(), "GroupBuySucceeded:" + groupId) == 1);
        assertThat(receivedBy(leader.openid())).as("two acceptances, but one event: one message").hasSize(1);
        assertThat(receivedBy(leader.openid()).get(0).get("template_id")).isEqualTo("tpl-group-buy-succeeded");
        assertThat(api.get("/api/subscriptions", leader.token()).body().path("unused").get(0).path("count").asInt()).isEqualTo(1);
        assertThat(receivedBy(friend.openid())).as("no acceptance").isEmpty();
        assertThat(status(friend.memberId(), "GroupBuySucceeded:" + groupId)).isEqualTo("SKIPPED");
    }

    @Test
    void aPushReachesItsSegmentAndCountsWhatWasSentAndSkipped() {
        MemberApi api = new MemberApi(http);
        String username = "push-" + UUID.randomUUID().toString().substring(0, 8);
        accounts.open(username, "right-password", username, Role.MERCHANT, null);
        String merchant = api.merchantLogin(username, "right-password").text("accessToken");
        String tag = "vip-" + UUID.randomUUID().toString().substring(0, 6);
        List<Shopper> tagged = List.of(shopper(api), shopper(api), shopper(api));
        Shopper untagged = shopper(api);
        for (Shopper s : tagged) {
            assertThat(api.call(HttpMethod.PUT, "/admin/members/" + s.memberId() + "/tags", merchant, Map.of("tags", List.of(tag, "会员日")))
                    .status()).isEqualTo(200);
        }
        for (Shopper s : List.of(tagged.get(0), tagged.get(1), untagged)) {
            api.post("/api/subscriptions", s.token(), Map.of("templateIds", List.of("tpl-campaign")));
        }

        MemberApi.Reply push = api.post("/admin/subscription-pushes", merchant,
                Map.of("kind", "CAMPAIGN", "tag", tag, "data", Map.of("thing1", "会员日全场95折"), "perSecond", 50));

        assertThat(push.status()).isEqualTo(200);
        assertThat(push.body().path("targeted").asInt()).isEqualTo(3);
        assertThat(push.body().path("sent").asInt()).isEqualTo(2);
        assertThat(push.body().path("skipped").asInt()).as("tagged, but never accepted").isEqualTo(1);
        assertThat(push.body().path("failed").asInt()).isZero();
        assertThat(receivedBy(tagged.get(0).openid())).hasSize(1);
        assertThat(receivedBy(tagged.get(2).openid())).isEmpty();
        assertThat(receivedBy(untagged.openid())).as("outside the segment").isEmpty();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberTagged' AND event_key = ?",
                Integer.class, Long.toString(tagged.get(0).memberId()))).isEqualTo(1);

        String shopperToken = tagged.get(0).token();
        assertThat(api.post("/admin/subscription-pushes", shopperToken, Map.of("kind", "CAMPAIGN", "data", Map.of())).status()).isEqualTo(403);
        assertThat(api.call(HttpMethod.PUT, "/admin/members/424242/tags", merchant, Map.of("tags", List.of("x"))).code())
                .isEqualTo("TAGGED_MEMBER_NOT_FOUND");
    }

    private String segmentChanged(long segmentId, long version, List<Long> added, List<Long> removed) {
        return new ContractEvents(events, transaction, json).publish(Topics.INSIGHT_EVENTS, "SegmentMembershipChanged",
                Long.toString(segmentId), "segmentId", Long.toString(segmentId), "name", "沉睡会员", "version", version,
                "added", added, "removed", removed, "deleted", false);
    }

    private void handledSegment(String eventId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'member-insight-segments' AND event_id = ?", Integer.class, eventId) == 1);
    }

    @Test
    void aPushToAnInsightSegmentReachesItsMembersAsLastAnnouncedWhateverOrderTheAnnouncementsCameIn() {
        MemberApi api = new MemberApi(http);
        String merchant = com.siyumall.common.testsupport.TestTokens.merchant(1);
        Shopper stays = shopper(api);
        Shopper leaves = shopper(api);
        Shopper outside = shopper(api);
        for (Shopper s : List.of(stays, leaves, outside)) {
            api.post("/api/subscriptions", s.token(), Map.of("templateIds", List.of("tpl-campaign")));
        }
        long segment = java.util.concurrent.ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        handledSegment(segmentChanged(segment, 2_000, List.of(stays.memberId(), leaves.memberId()), List.of()));
        handledSegment(segmentChanged(segment, 3_000, List.of(), List.of(leaves.memberId())));
        // an announcement older than the last one, arriving late, changes nothing
        handledSegment(segmentChanged(segment, 1_000, List.of(leaves.memberId()), List.of(stays.memberId())));

        MemberApi.Reply push = api.post("/admin/subscription-pushes", merchant,
                Map.of("kind", "CAMPAIGN", "segmentId", Long.toString(segment), "data", Map.of("thing1", "想你了"), "perSecond", 50));
        assertThat(push.status()).isEqualTo(200);
        assertThat(push.body().path("targeted").asInt()).isEqualTo(1);
        assertThat(push.body().path("sent").asInt()).isEqualTo(1);
        assertThat(receivedBy(stays.openid())).hasSize(1);
        assertThat(receivedBy(leaves.openid())).as("left the segment").isEmpty();
        assertThat(receivedBy(outside.openid())).isEmpty();
    }
}
