package com.siyumall.order.attribution;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.devstack.DevStack;
import com.siyumall.order.support.Shop;
import com.siyumall.order.support.UpstreamServices;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Orders stamped with what brought them: the guide the member is bound to (kept from member-service's events), the
 * share the shopper last opened, the launch scene and channel — on the order row, OrderCreated and OrderPaid.
 */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class OrderAttributionTest {
    @LocalServerPort
    int port;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher events;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    private Shop.Reply submit(Shop.Member member, Shop.Product product, Map<String, Object> attribution) {
        Map<String, Object> body = new HashMap<>(Map.of("items", List.of(Map.of("skuId", product.skuId(), "quantity", 1)),
                "address", Map.of("name", "张三", "phone", "13800138000", "region", "上海市 静安区", "detail", "南京西路 1 号")));
        if (attribution != null) {
            body.put("attribution", attribution);
        }
        return Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders", member.token(), body,
                Map.of("Idempotency-Key", UUID.randomUUID().toString()));
    }

    private void bound(String memberId, long guideId, long storeId, Instant boundAt) {
        new ContractEvents(events, transaction, json).publish(Topics.MEMBER_EVENTS, "MemberBoundToGuide", memberId,
                "memberId", memberId, "guideId", Long.toString(guideId), "storeId", Long.toString(storeId), "boundAt", boundAt.toString());
    }

    private Map<String, Object> stamped(String orderNo) {
        return jdbc.queryForMap("SELECT attributed_guide_id, attributed_store_id, sharer_id, scene, channel FROM orders WHERE order_no = ?", orderNo);
    }

    private JsonNode published(String type, String orderNo) throws Exception {
        return json.readTree(jdbc.queryForObject("SELECT body FROM outbox_event WHERE event_type = ? AND event_key = ?", String.class, type, orderNo));
    }

    private static long someId() {
        return ThreadLocalRandom.current().nextLong(1_000_000, 9_000_000);
    }

    @Test
    void anOrderCarriesItsMembersGuideAndTheShareThatBroughtThemToTheEvents() throws Exception {
        Shop.Product product = Shop.product(3_000, 10);
        Shop.Member member = Shop.member();
        long guide = someId();
        long store = someId();
        long sharer = someId();
        Instant now = Instant.now();
        bound(member.id(), guide, store, now.minusSeconds(60));
        bound(member.id(), someId(), someId(), now.minusSeconds(3_600)); // an older binding arriving late changes nothing
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'order-guide-bindings' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_type = 'MemberBoundToGuide' AND event_key = ?)", Integer.class, member.id()) == 2);

        Shop.Reply placed = submit(member, product, Map.of("scene", 1007, "channel", "moments", "sharerId", Long.toString(sharer),
                "sharedAt", now.minus(Duration.ofDays(2)).toString()));
        assertThat(placed.status()).isEqualTo(201);
        String orderNo = placed.text("orderNo");
        assertThat(stamped(orderNo)).containsEntry("attributed_guide_id", guide).containsEntry("attributed_store_id", store)
                .containsEntry("sharer_id", sharer).containsEntry("scene", 1007).containsEntry("channel", "moments");
        JsonNode created = published("OrderCreated", orderNo).path("payload").path("attribution");
        assertThat(created.path("guideId").asText()).isEqualTo(Long.toString(guide));
        assertThat(created.path("sharerId").asText()).isEqualTo(Long.toString(sharer));

        Shop.Reply pay = Shop.call("http://127.0.0.1:" + port, "POST", "/api/orders/" + orderNo + "/pay", member.token(), null, Map.of());
        DevStack.get().wechat().paySucceeded(pay.text("package").substring("prepay_id=".length()));
        JsonNode paid = published("OrderPaid", orderNo).path("payload").path("attribution");
        assertThat(paid.path("guideId").asText()).isEqualTo(Long.toString(guide));
        assertThat(paid.path("storeId").asText()).isEqualTo(Long.toString(store));
        assertThat(paid.path("sharerId").asText()).isEqualTo(Long.toString(sharer));
        assertThat(paid.path("scene").asInt()).isEqualTo(1007);
        assertThat(paid.path("channel").asText()).isEqualTo("moments");
    }

    @Test
    void aShareOutsideTheWindowOrTheShoppersOwnIsNotCreditedAndNeverRefusesTheOrder() {
        Shop.Product product = Shop.product(3_000, 10);
        Shop.Member member = Shop.member();
        Instant now = Instant.now();
        Shop.Reply old = submit(member, product, Map.of("sharerId", "4321", "sharedAt", now.minus(Duration.ofDays(8)).toString()));
        assertThat(old.status()).isEqualTo(201);
        assertThat(stamped(old.text("orderNo"))).containsEntry("sharer_id", null).containsEntry("attributed_guide_id", null);
        Shop.Reply own = submit(member, product, Map.of("sharerId", member.id(), "sharedAt", now.toString()));
        assertThat(stamped(own.text("orderNo"))).containsEntry("sharer_id", null);
        Shop.Reply future = submit(member, product, Map.of("sharerId", "4321", "sharedAt", now.plus(Duration.ofHours(1)).toString()));
        assertThat(stamped(future.text("orderNo"))).containsEntry("sharer_id", null);
        Shop.Reply none = submit(member, product, null);
        assertThat(stamped(none.text("orderNo"))).containsEntry("scene", null).containsEntry("channel", null);
    }

    @Test
    void aMalformedTouchIsRefusedWithTheFieldNamed() {
        Shop.Product product = Shop.product(3_000, 10);
        Shop.Member member = Shop.member();
        Shop.Reply scene = submit(member, product, Map.of("scene", 7));
        assertThat(scene.status()).isEqualTo(400);
        assertThat(scene.body().toString()).contains("attribution.scene");
        Shop.Reply channel = submit(member, product, Map.of("channel", "a channel; DROP"));
        assertThat(channel.status()).isEqualTo(400);
        assertThat(channel.body().toString()).contains("attribution.channel");
        assertThat(submit(member, product, Map.of("sharerId", "-5")).status()).isEqualTo(400);
        assertThat(Shop.stockOf(product).path("reserved").asInt()).as("nothing reserved for refused orders").isZero();
    }
}
