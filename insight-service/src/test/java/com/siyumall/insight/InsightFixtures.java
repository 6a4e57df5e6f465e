package com.siyumall.insight;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.testsupport.ContractEvents;
import com.siyumall.common.testsupport.TestTokens;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Facts for report tests, through the real paths: registrations and paid orders as member- and order-service publish
 * them (their contract samples, through the broker), visits through {@code POST /api/events}; and reading the reports.
 * A test {@code @Import}s it.
 */
public final class InsightFixtures {
    private static final AtomicLong ORDERS = new AtomicLong(ThreadLocalRandom.current().nextLong(1_000_000));
    private final ContractEvents producers;
    private final TestRestTemplate http;

    public InsightFixtures(EventPublisher events, TransactionTemplate transactions, ObjectMapper json, TestRestTemplate http) {
        this.producers = new ContractEvents(events, transactions, json);
        this.http = http;
    }

    /** A past business day no other test uses (tests share one store). */
    public static LocalDate someDayOfThePast() {
        return LocalDate.of(2001, 1, 1).plusDays(ThreadLocalRandom.current().nextInt(6_000));
    }

    public static long someMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000_000L, 9_000_000_000L);
    }

    /** Noon of a Shanghai business day. */
    public static String noonOf(LocalDate day) {
        return day + "T12:00:00+08:00";
    }

    public void registered(long memberId, LocalDate day) {
        registered(memberId, day, "test");
    }

    public void registered(long memberId, LocalDate day, String channel) {
        registered(memberId, day, channel, null);
    }

    /** A member who registered through {@code inviterId}'s share (null: came without an inviter). */
    public void registered(long memberId, LocalDate day, String channel, Long inviterId) {
        producers.publish(Topics.MEMBER_EVENTS, "MemberRegistered", Long.toString(memberId),
                "memberId", Long.toString(memberId), "registeredAt", noonOf(day), "scene", 1047, "channel", channel,
                // as member-service sends a member who came without them
                "inviterId", inviterId == null ? null : Long.toString(inviterId), "storeId", null, "guideId", null);
    }

    /** A member who registered by scanning a guide's code at a store. */
    public void registeredThrough(long memberId, LocalDate day, long storeId, long guideId) {
        producers.publish(Topics.MEMBER_EVENTS, "MemberRegistered", Long.toString(memberId),
                "memberId", Long.toString(memberId), "registeredAt", noonOf(day), "scene", 1047, "channel", "guide",
                "inviterId", null, "storeId", Long.toString(storeId), "guideId", Long.toString(guideId));
    }

    /** A login of the member at noon of {@code day} (member-service's MemberLoggedIn); its login id is returned. */
    public long loggedIn(long memberId, LocalDate day) {
        long loginId = ORDERS.incrementAndGet();
        producers.publish(Topics.MEMBER_EVENTS, "MemberLoggedIn", Long.toString(memberId), "loginId", Long.toString(loginId),
                "memberId", Long.toString(memberId), "loggedInAt", noonOf(day), "appId", "wx-test", "scene", 1047, "channel", null,
                "newMember", false);
        return loginId;
    }

    public void checkedIn(long memberId, LocalDate day, int streak) {
        producers.publish(Topics.MEMBER_EVENTS, "MemberCheckedIn", Long.toString(memberId), "memberId", Long.toString(memberId),
                "day", day.toString(), "streak", streak, "pointsAwarded", 5, "growthAwarded", 1, "checkedInAt", noonOf(day));
    }

    public void bound(long memberId, LocalDate day, long storeId, long guideId) {
        producers.publish(Topics.MEMBER_EVENTS, "MemberBoundToGuide", Long.toString(memberId), "memberId", Long.toString(memberId),
                "guideId", Long.toString(guideId), "storeId", Long.toString(storeId), "boundAt", noonOf(day), "source", "QR_CODE");
    }

    public void paid(long memberId, LocalDate day, long amount) {
        String orderNo = "T" + ORDERS.incrementAndGet() + "-" + memberId;
        producers.publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo,
                "orderNo", orderNo, "memberId", Long.toString(memberId), "payAmount", amount, "paidAt", noonOf(day));
    }

    /** Money given back to the member on {@code day} for an order (whole or in part); the refund's number is returned. */
    public String refunded(long memberId, LocalDate day, long amount, boolean fully) {
        String refundNo = "R" + ORDERS.incrementAndGet() + "-" + memberId;
        String orderNo = "T-" + refundNo;
        producers.publish(Topics.ORDER_EVENTS, "OrderRefunded", orderNo, "orderNo", orderNo, "memberId", Long.toString(memberId),
                "refundNo", refundNo, "refundAmount", amount, "lines", java.util.List.of(), "restock", false,
                "fullyRefunded", fully, "refundedAt", noonOf(day));
        return refundNo;
    }

    /** A paid order that order-service attributed to a guide and store at submit. */
    public void paidThrough(long memberId, LocalDate day, long amount, long storeId, long guideId) {
        String orderNo = "T" + ORDERS.incrementAndGet() + "-" + memberId;
        producers.publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo,
                "orderNo", orderNo, "memberId", Long.toString(memberId), "payAmount", amount, "paidAt", noonOf(day),
                "attribution", Map.of("guideId", Long.toString(guideId), "storeId", Long.toString(storeId)));
    }

    /** A paid order that used coupon {@code couponId}. */
    public void paidWithCoupon(long memberId, LocalDate day, long amount, long couponId) {
        String orderNo = "T" + ORDERS.incrementAndGet() + "-" + memberId;
        producers.publish(Topics.ORDER_EVENTS, "OrderPaid", orderNo,
                "orderNo", orderNo, "memberId", Long.toString(memberId), "payAmount", amount, "paidAt", noonOf(day),
                "couponId", Long.toString(couponId));
    }

    /** A coupon promotion-service issued; {@code guideId} and {@code storeId} null unless a guide handed it out. */
    public void couponIssued(long couponId, long templateId, String templateName, long memberId, String channel, Long guideId,
                             Long storeId, LocalDate day) {
        producers.publish(Topics.PROMOTION_EVENTS, "CouponIssued", Long.toString(couponId), "couponId", Long.toString(couponId),
                "templateId", Long.toString(templateId), "templateName", templateName, "memberId", Long.toString(memberId),
                "channel", channel, "cause", null, "guideId", guideId == null ? null : Long.toString(guideId),
                "storeId", storeId == null ? null : Long.toString(storeId), "issuedAt", noonOf(day));
    }

    public void memberVisited(long memberId, LocalDate day) {
        send(TestTokens.shopper(memberId), Map.of("events", List.of(Map.of("type", "page_view", "at", noonOf(day)))));
    }

    public void deviceVisited(String deviceId, LocalDate day) {
        send(null, Map.of("deviceId", deviceId, "events", List.of(Map.of("type", "page_view", "at", noonOf(day)))));
    }

    /** GET {@code pathAndQuery} with {@code token} (none when null). */
    public ResponseEntity<Map> get(String token, String pathAndQuery) {
        HttpHeaders headers = new HttpHeaders();
        if (token != null) {
            headers.setBearerAuth(token);
        }
        return http.exchange(pathAndQuery, HttpMethod.GET, new HttpEntity<>(headers), Map.class);
    }

    /** Posts a batch of behavior events ({@code token} null: anonymous) and expects it accepted. */
    public void send(String token, Map<String, Object> batch) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        if (token != null) {
            headers.setBearerAuth(token);
        }
        assertThat(http.postForEntity("/api/events", new HttpEntity<>(batch, headers), Map.class).getStatusCode().value()).isEqualTo(202);
    }
}
