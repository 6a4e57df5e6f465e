package com.siyumall.member.subscription;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.time.BusinessTime;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * The 24-hour wake-up: insight-service announces a member who visited without buying (VisitedWithoutBuying); if the
 * merchant switched the rule on and the visit is still within the rule's window, the member gets the WAKE_UP message
 * in the merchant's words — with an unused acceptance only, and at most once a business day (the send's cause is the
 * day, claimed once per member like every send).
 */
@Service
public class WakeUps {
    private final WakeUpMapper rules;
    private final SubscriptionMessages messages;
    private final ObjectMapper json;
    private final Clock clock;

    WakeUps(WakeUpMapper rules, SubscriptionMessages messages, ObjectMapper json, Clock clock) {
        this.rules = rules;
        this.messages = messages;
        this.json = json;
        this.clock = clock;
    }

    /** The rule as the merchant set it: the template fields ({@code thing1}...) the message carries. */
    public record Rule(boolean enabled, Map<String, String> data, int withinHours, String updatedBy, Instant updatedAt) {}

    public Rule rule() {
        WakeUpMapper.Row row = rules.rule();
        return new Rule(row.enabled(), read(row.data()), row.withinHours(), row.updatedBy() == null ? null : Long.toString(row.updatedBy()),
                row.updatedAt());
    }

    public Rule setRule(boolean enabled, Map<String, String> data, int withinHours, long merchantId) {
        try {
            rules.setRule(enabled, json.writeValueAsString(data), withinHours, merchantId, clock.instant());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
        return rule();
    }

    /** Answers one announced visit; the outcome says what happened (NOT_CONFIGURED while the rule is off or the visit too old). */
    public SubscriptionMessages.Outcome visitedWithoutBuying(long memberId, Instant lastVisitAt) {
        Rule rule = rule();
        if (!rule.enabled() || lastVisitAt.isBefore(clock.instant().minus(Duration.ofHours(rule.withinHours())))) {
            return SubscriptionMessages.Outcome.NOT_CONFIGURED;
        }
        LocalDate day = LocalDate.ofInstant(clock.instant(), BusinessTime.ZONE);
        return messages.send(memberId, MessageKind.WAKE_UP, "WAKE_UP:" + day, rule.data());
    }

    private Map<String, String> read(String data) {
        try {
            return json.readValue(data, new TypeReference<>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("wake_up_rule.data is not a JSON object of strings", e);
        }
    }

    /** insight-service's VisitedWithoutBuying, as read here. */
    record VisitedWithoutBuying(long memberId, Instant lastVisitAt) {}

    @Component
    @RocketMQMessageListener(topic = Topics.INSIGHT_EVENTS, selectorExpression = "VisitedWithoutBuying", consumerGroup = "member-wake-up")
    static class OnVisitedWithoutBuying extends IdempotentEventListener<VisitedWithoutBuying> {
        private final WakeUps wakeUps;

        OnVisitedWithoutBuying(WakeUps wakeUps) {
            super(VisitedWithoutBuying.class);
            this.wakeUps = wakeUps;
        }

        @Override
        protected void handle(VisitedWithoutBuying visit, EventEnvelope envelope) {
            wakeUps.visitedWithoutBuying(visit.memberId(), visit.lastVisitAt());
        }
    }
}
