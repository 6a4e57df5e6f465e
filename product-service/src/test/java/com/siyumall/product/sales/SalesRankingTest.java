package com.siyumall.product.sales;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.product.Catalogs;
import com.siyumall.product.catalog.CatalogService;
import com.siyumall.product.category.CategoryService;
import com.siyumall.product.upstream.UpstreamEvents;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class SalesRankingTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    ObjectMapper json;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    EventPublisher publisher;
    @Autowired
    TransactionTemplate transaction;
    @Autowired
    CatalogService catalog;
    @Autowired
    CategoryService categories;
    @Autowired
    RocketMQTemplate rocketMQ;
    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    private JsonNode ranking(String query) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        headers.setBearerAuth(TestTokens.merchant(1));
        return json.readTree(http.exchange("/admin/insights/sales-ranking?" + query, HttpMethod.GET, new HttpEntity<>(headers),
                String.class).getBody());
    }

    private double duplicates() {
        var counter = meters.find("mall.events.consumed").tags("consumer", "product-sales-paid", "outcome", "duplicate").counter();
        return counter == null ? 0 : counter.count();
    }

    private long sales(long spuId) {
        return jdbc.queryForObject("SELECT sales FROM spu WHERE id = ?", Long.class, spuId);
    }

    @Test
    void paidOrdersRankProductsOnceEachAndRefundsTakeTheirShareBack() throws Exception {
        Catalogs catalogs = new Catalogs(catalog, categories);
        long category = catalogs.category();
        long cheap = catalogs.product(category, "cheap", null, 100).getId();
        long dear = catalogs.product(category, "dear", null, 100).getId();
        long cheapSku = jdbc.queryForObject("SELECT id FROM sku WHERE spu_id = ?", Long.class, cheap);
        long dearSku = jdbc.queryForObject("SELECT id FROM sku WHERE spu_id = ?", Long.class, dear);
        UpstreamEvents upstream = new UpstreamEvents(publisher, transaction, json);
        Instant now = Instant.now();

        upstream.orderPaid("S1-" + cheap, 501, 3000,
                List.of(new UpstreamEvents.Line(cheapSku, cheap, 3, 3000)), now);
        upstream.orderPaid("S2-" + cheap, 502, 21000,
                List.of(new UpstreamEvents.Line(cheapSku, cheap, 1, 1000), new UpstreamEvents.Line(dearSku, dear, 1, 20000)), now);
        await().atMost(Duration.ofSeconds(30)).until(() -> sales(cheap) == 4 && sales(dear) == 1);
        // stock has no reservation for these orders: its listener says so once instead of failing into retries
        await().atMost(Duration.ofSeconds(30)).until(() -> jdbc.queryForObject(
                "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'product-stock-confirm' AND event_id IN "
                        + "(SELECT event_id FROM outbox_event WHERE event_key IN (?, ?))", Integer.class, "S1-" + cheap, "S2-" + cheap) == 2);
        // the same message delivered again by the broker is not counted again
        String firstEvent = jdbc.queryForObject("SELECT body FROM outbox_event WHERE event_key = ?", String.class, "S1-" + cheap);
        double duplicatesBefore = duplicates();
        rocketMQ.getProducer().send(new org.apache.rocketmq.common.message.Message("ORDER_EVENTS", "OrderPaid", "S1-" + cheap,
                firstEvent.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        await().atMost(Duration.ofSeconds(30)).until(() -> duplicates() > duplicatesBefore);
        assertThat(sales(cheap)).isEqualTo(4);

        JsonNode byUnits = ranking("by=units&categoryId=" + category);
        assertThat(byUnits.path("items").findValuesAsText("spuId")).containsExactly(Long.toString(cheap), Long.toString(dear));
        JsonNode byGmv = ranking("by=gmv&categoryId=" + category);
        assertThat(byGmv.path("items").findValuesAsText("spuId")).containsExactly(Long.toString(dear), Long.toString(cheap));

        upstream.orderRefunded("S2-" + cheap, 502, 20000,
                List.of(new UpstreamEvents.Line(dearSku, dear, 1, 20000)), now);
        await().atMost(Duration.ofSeconds(30)).until(() -> sales(dear) == 0);
        assertThat(sales(cheap)).isEqualTo(4);
        JsonNode afterRefund = ranking("by=gmv&categoryId=" + category);
        assertThat(afterRefund.path("items").get(0).path("spuId").asText()).isEqualTo(Long.toString(cheap));
        assertThat(afterRefund.path("items").get(0).path("gmv").asLong()).isEqualTo(4000);

        JsonNode buyers = ranking("subject=members&by=gmv");
        assertThat(buyers.path("items").findValuesAsText("memberId")).contains("501", "502");
        assertThat(ranking("by=profit").path("code").asText()).isEqualTo("INVALID_PARAMETER");
    }
}
