package com.siyumall.common.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.fixture.FixtureController;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Each internal call waits no longer than its caller will: the caller's deadline is passed on, shortened, end to end. */
class RequestDeadlineTest {

    @Nested
    class Rules {
        @AfterEach
        void noDeadlineLeftBehind() {
            RequestDeadline.end();
        }

        @Test
        void withoutACallersDeadlineACallUsesItsOwnTimeout() {
            RequestDeadline.begin(null);
            assertThat(RequestDeadline.remaining()).isNull();
            assertThat(RequestDeadline.forCall(Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
            assertThat(RequestDeadline.forWait(Duration.ofSeconds(2))).isEqualTo(Duration.ofSeconds(2));
        }

        @Test
        void aMalformedHeaderIsNoDeadline() {
            for (String header : new String[] {"", "-5", "12s", "0", "99999999999", "1e3"}) {
                RequestDeadline.begin(header);
                assertThat(RequestDeadline.remaining()).as(header).isNull();
            }
        }

        @Test
        void aNearerDeadlineShortensTheCallAndLeavesAMarginToAnswer() {
            RequestDeadline.begin("2000");
            Duration call = RequestDeadline.forCall(Duration.ofSeconds(5));
            assertThat(call).isLessThanOrEqualTo(Duration.ofMillis(2000).minus(RequestDeadline.ANSWER_MARGIN)).isPositive();
            assertThat(RequestDeadline.forCall(Duration.ofMillis(100))).isEqualTo(Duration.ofMillis(100));
        }

        @Test
        void aSpentDeadlineMakesNoCallAndWaitsForNothing() {
            RequestDeadline.begin("100");
            assertThatThrownBy(() -> RequestDeadline.forCall(Duration.ofSeconds(5)))
                    .isInstanceOfSatisfying(BusinessException.class, e -> assertThat(e.errorCode()).isEqualTo(CommonError.BUSY));
            assertThat(RequestDeadline.forWait(Duration.ofSeconds(2))).isZero();
        }
    }

    @Nested
    @MallIntegrationTest
    class AcrossACall {
        @Autowired
        TestRestTemplate http;
        @Autowired
        ObjectMapper json;

        private ResponseEntity<String> relay(long millis, String callerTimeout) {
            HttpHeaders headers = new HttpHeaders();
            headers.setBearerAuth(TestTokens.shopper(1));
            if (callerTimeout != null) {
                headers.set(RequestDeadline.HEADER, callerTimeout);
            }
            return http.exchange("/api/relays-wait?millis=" + millis, HttpMethod.GET, new HttpEntity<>(headers), String.class);
        }

        @Test
        void theCalleeLearnsHowLongItsCallerStillWaits() throws Exception {
            ResponseEntity<String> bounded = relay(0, "4000");
            ResponseEntity<String> unbounded = relay(0, null);

            assertThat(bounded.getStatusCode().value()).isEqualTo(200);
            long told = Long.parseLong(json.readTree(bounded.getBody()).path("timeoutMillisReceived").asText());
            assertThat(told).isPositive().isLessThanOrEqualTo(4000 - RequestDeadline.ANSWER_MARGIN.toMillis());
            assertThat(json.readTree(unbounded.getBody()).path("timeoutMillisReceived").asText()).isEqualTo("5000");
        }

        @Test
        void aCallThatWouldOutliveItsCallerIsCutAndAnsweredAsA503() throws Exception {
            ResponseEntity<String> cut = relay(3000, "1000");
            ResponseEntity<String> patient = relay(1500, null);

            assertThat(cut.getStatusCode().value()).isEqualTo(503);
            assertThat(json.readTree(cut.getBody()).path("code").asText()).isEqualTo("UPSTREAM_UNAVAILABLE");
            assertThat(cut.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(patient.getStatusCode().value()).isEqualTo(200);
        }

        @Test
        void aCallerWithNoTimeLeftGetsBusyAndTheCallIsNeverMade() throws Exception {
            int calledBefore = FixtureController.waitsCalled();

            ResponseEntity<String> refused = relay(0, "200");

            assertThat(refused.getStatusCode().value()).isEqualTo(503);
            JsonNode problem = json.readTree(refused.getBody());
            assertThat(problem.path("code").asText()).isEqualTo("BUSY");
            assertThat(refused.getHeaders().getFirst(HttpHeaders.RETRY_AFTER)).isNotBlank();
            assertThat(FixtureController.waitsCalled()).isEqualTo(calledBefore);
        }
    }
}
