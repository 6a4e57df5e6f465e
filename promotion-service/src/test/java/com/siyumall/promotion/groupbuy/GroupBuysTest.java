package com.siyumall.promotion.groupbuy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.AtOnce;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.OrderServiceEvents;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class GroupBuysTest {
    private static final AtomicLong ORDERS = new AtomicLong();

    @Autowired
    GroupBuys groupBuys;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;
    @Autowired
    org.springframework.boot.test.web.client.TestRestTemplate http;

    private GroupBuyActivity activity(int size, boolean virtualCompletion) {
        return groupBuys.create(GroupBuyActivity.define("拼团", 42, 990, size, 60, 5, false, virtualCompletion,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1))), null, 1);
    }

    private static long someMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 1_000_000_000);
    }

    private static String orderNo() {
        return "GB" + System.nanoTime() + "-" + ORDERS.incrementAndGet();
    }

    private OrderServiceEvents orders() {
        return new OrderServiceEvents(events, transaction, json);
    }

    private String groupStatus(long groupId) {
        return jdbc.queryForObject("SELECT status FROM group_buy_group WHERE id = ?", String.class, groupId);
    }

    private List<String> outcomes(String type, long groupId) {
        return jdbc.queryForList("SELECT body FROM outbox_event WHERE event_type = ? AND event_key = ?", String.class, type, Long.toString(groupId));
    }

    @Test
    void tenJoinersAtOnceIntoAGroupOfThreeTakeTwoSeatsAndThreePaymentsCompleteItOnce() throws Exception {
        GroupBuyActivity activity = activity(3, false);
        String leaderOrder = orderNo();
        long groupId = groupBuys.claimSeat(someMember(), activity.id(), null, leaderOrder).groupId();

        List<String> joins = AtOnce.run(10, () -> {
            String order = orderNo();
            try {
                groupBuys.claimSeat(someMember(), activity.id(), groupId, order);
                return order;
            } catch (BusinessException e) {
                return e.errorCode().code();
            }
        });

        List<String> joined = joins.stream().filter(o -> o.startsWith("GB")).toList();
        assertThat(joined).hasSize(2);
        assertThat(joins).filteredOn(o -> !o.startsWith("GB")).containsOnly("GROUP_FULL");
        assertThat(jdbc.queryForObject("SELECT seats_taken FROM group_buy_group WHERE id = ?", Integer.class, groupId)).isEqualTo(3);

        orders().paid(leaderOrder, 1, 990, Instant.now());
        for (String order : joined) {
            orders().paid(order, 1, 990, Instant.now());
            orders().paid(order, 1, 990, Instant.now());
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> "SUCCEEDED".equals(groupStatus(groupId)));
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'promotion-group-buy-paid' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key IN (?, ?, ?))", Integer.class,
                leaderOrder, joined.get(0), joined.get(1)) == 5);
        assertThat(jdbc.queryForObject("SELECT seats_paid FROM group_buy_group WHERE id = ?", Integer.class, groupId)).isEqualTo(3);
        assertThat(outcomes("GroupBuySucceeded", groupId)).as("completed once").hasSize(1);
        assertThat(outcomes("GroupBuySucceeded", groupId).get(0)).contains(leaderOrder, joined.get(0), joined.get(1));
    }

    @Test
    void aCancelledOrderFreesItsSeatAndAMemberJoinsOnce() {
        GroupBuyActivity activity = activity(2, false);
        long leader = someMember();
        long groupId = groupBuys.claimSeat(leader, activity.id(), null, orderNo()).groupId();
        String first = orderNo();
        long friend = someMember();
        groupBuys.claimSeat(friend, activity.id(), groupId, first);
        assertThat(groupBuys.claimSeat(friend, activity.id(), groupId, first).orderNo()).as("a repeat of the same order").isEqualTo(first);
        assertThatThrownBy(() -> groupBuys.claimSeat(someMember(), activity.id(), groupId, orderNo())).hasMessage("GROUP_FULL");
        assertThatThrownBy(() -> groupBuys.claimSeat(leader, activity.id(), groupId, orderNo())).hasMessage("ALREADY_IN_GROUP");

        orders().cancelled(first, friend, "USER_CANCELLED");
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT seats_taken FROM group_buy_group WHERE id = ?", Integer.class, groupId) == 1);
        assertThat(groupBuys.claimSeat(someMember(), activity.id(), groupId, orderNo()).status()).isEqualTo("HELD");
    }

    @Test
    void aGroupWhoseTimeRunsOutFailsOnItsTimerAndNamesItsPaidOrdersForRefundAndItsUnpaidOnesForCancelling() {
        GroupBuyActivity activity = activity(3, false);
        String leaderOrder = orderNo();
        String unpaidOrder = orderNo();
        long groupId = groupBuys.claimSeat(someMember(), activity.id(), null, leaderOrder).groupId();
        groupBuys.claimSeat(someMember(), activity.id(), groupId, unpaidOrder);
        groupBuys.seatPaid(leaderOrder);

        transaction.executeWithoutResult(s -> events.schedule(Topics.PROMOTION_TIMERS, new GroupBuyEvents.GroupBuyDue(groupId),
                Instant.now().plusSeconds(2)));

        await().atMost(Duration.ofSeconds(30)).until(() -> "FAILED".equals(groupStatus(groupId)));
        assertThat(outcomes("GroupBuyFailed", groupId)).hasSize(1);
        assertThat(outcomes("GroupBuyFailed", groupId).get(0)).contains("\"orderNos\":[\"" + leaderOrder + "\"]",
                "\"unpaidOrderNos\":[\"" + unpaidOrder + "\"]");
        groupBuys.expire(groupId);
        assertThat(outcomes("GroupBuyFailed", groupId)).as("the timer again changes nothing").hasSize(1);

        groupBuys.seatPaid(unpaidOrder);
        assertThat(outcomes("GroupBuyFailed", groupId)).as("its seat was released: a late payment is not a member").hasSize(1);
    }

    @Test
    void aGroupAllowedVirtualCompletionSucceedsWhenTimeRunsOutWithSomeonePaid() {
        GroupBuyActivity activity = activity(3, true);
        String leaderOrder = orderNo();
        long groupId = groupBuys.claimSeat(someMember(), activity.id(), null, leaderOrder).groupId();
        groupBuys.seatPaid(leaderOrder);

        groupBuys.expire(groupId);

        assertThat(groupStatus(groupId)).isEqualTo("SUCCEEDED");
        assertThat(jdbc.queryForObject("SELECT virtual_completed FROM group_buy_group WHERE id = ?", Boolean.class, groupId)).isTrue();
        assertThat(outcomes("GroupBuySucceeded", groupId).get(0)).contains(leaderOrder, "\"virtual\":true");
    }

    @Test
    void aProductPageListsItsRunningGroupBuysWithTheGroupsStillOpenToJoin() throws Exception {
        long spuId = ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
        long skuId = spuId + 1;
        GroupBuyActivity running = groupBuys.create(GroupBuyActivity.define("拼团列表", skuId, 990, 3, 60, 5, false, false,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1))), spuId, 1);
        GroupBuyActivity later = groupBuys.create(GroupBuyActivity.define("未开始", skuId, 990, 3, 60, 5, false, false,
                Instant.now().plus(Duration.ofDays(1)), Instant.now().plus(Duration.ofDays(2))), spuId, 1);
        GroupBuyActivity stopped = groupBuys.create(GroupBuyActivity.define("已停止", skuId, 990, 2, 60, 5, false, false,
                Instant.now().minusSeconds(60), Instant.now().plus(Duration.ofDays(1))), spuId, 1);
        groupBuys.stop(stopped.id());

        long open = groupBuys.claimSeat(someMember(), running.id(), null, "O" + ORDERS.incrementAndGet() + "L" + spuId).groupId();
        long full = groupBuys.claimSeat(someMember(), running.id(), null, "O" + ORDERS.incrementAndGet() + "F" + spuId).groupId();
        groupBuys.claimSeat(someMember(), running.id(), full, "O" + ORDERS.incrementAndGet() + "G" + spuId);
        groupBuys.claimSeat(someMember(), running.id(), full, "O" + ORDERS.incrementAndGet() + "H" + spuId);
        long expired = groupBuys.claimSeat(someMember(), running.id(), null, "O" + ORDERS.incrementAndGet() + "E" + spuId).groupId();
        jdbc.update("UPDATE group_buy_group SET expires_at = ? WHERE id = ?", java.sql.Timestamp.from(Instant.now().minusSeconds(1)), expired);

        com.fasterxml.jackson.databind.JsonNode listed = json.readTree(http.getForObject("/api/group-buys?spuId=" + spuId, String.class));
        assertThat(listed.path("items").findValuesAsText("activityId")).containsExactly(Long.toString(running.id()));
        com.fasterxml.jackson.databind.JsonNode card = listed.path("items").get(0);
        assertThat(card.path("groups").findValuesAsText("groupId")).as("only the group a shopper can still join")
                .containsExactly(Long.toString(open));
        com.fasterxml.jackson.databind.JsonNode group = card.path("groups").get(0);
        assertThat(group.path("seatsLeft").asInt()).isEqualTo(2);
        assertThat(group.path("members")).hasSize(1);
        assertThat(group.path("members").get(0).path("leader").asBoolean()).isTrue();
        assertThat(group.path("members").get(0).has("memberId")).as("strangers see no ids").isFalse();

        assertThat(json.readTree(http.getForObject("/api/group-buys?skuId=" + skuId, String.class)).path("items").findValuesAsText("activityId"))
                .containsExactly(Long.toString(running.id()));
        assertThat(json.readTree(http.getForObject("/api/group-buys?spuId=" + (spuId + 7), String.class)).path("items")).isEmpty();
        assertThat(later.id()).isNotNull();
    }
}
