package com.siyumall.promotion.coupon;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A template created again with the same Idempotency-Key (a click retried after a lost answer) is created once. */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class CouponTemplateCreateTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    ObjectMapper json;

    @Test
    void aCreateRetriedWithItsKeyAnswersTheFirstTemplateAndCreatesOne() throws Exception {
        String name = "重试券-" + UUID.randomUUID().toString().substring(0, 8);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        headers.setBearerAuth(TestTokens.merchant(1));
        headers.set("Idempotency-Key", UUID.randomUUID().toString());
        HttpEntity<Map<String, Object>> create = new HttpEntity<>(Map.of("name", name, "type", "NO_THRESHOLD", "amountOff", 500,
                "scope", "ALL", "validDays", 7, "totalQuantity", 10, "perMemberLimit", 1, "channels", List.of("GUIDE")), headers);

        ResponseEntity<String> first = http.exchange("/admin/coupon-templates", HttpMethod.POST, create, String.class);
        ResponseEntity<String> retried = http.exchange("/admin/coupon-templates", HttpMethod.POST, create, String.class);

        assertThat(first.getStatusCode().value()).as(first.getBody()).isEqualTo(201);
        assertThat(retried.getStatusCode().value()).isEqualTo(201);
        assertThat(json.readTree(retried.getBody()).path("templateId")).isEqualTo(json.readTree(first.getBody()).path("templateId"));
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM coupon_template WHERE name = ?", Integer.class, name)).as("created once")
                .isEqualTo(1);
    }
}
