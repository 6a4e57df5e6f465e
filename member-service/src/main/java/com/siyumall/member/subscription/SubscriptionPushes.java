package com.siyumall.member.subscription;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * A merchant's push of a template to a segment (level, tag, a guide's customers, an insight segment — combinable). Sends go through
 * {@link SubscriptionMessages} one by one at the requested rate; members without an acceptance are skipped, not
 * bothered. A push handles up to {@link #MAX_MEMBERS} members in the request.
 */
@Service
public class SubscriptionPushes {
    static final int MAX_MEMBERS = 10_000;

    private final SubscriptionMapper subscriptions;
    private final SubscriptionMessages messages;
    private final Clock clock;

    SubscriptionPushes(SubscriptionMapper subscriptions, SubscriptionMessages messages, Clock clock) {
        this.subscriptions = subscriptions;
        this.messages = messages;
        this.clock = clock;
    }

    /** {@code segmentId}: one of insight-service's segments, as its membership was last announced. */
    public record Segment(String levelCode, String tag, Long guideId, Long segmentId) {
        @Override
        public String toString() {
            return "level=" + levelCode + ",tag=" + tag + ",guide=" + guideId + (segmentId == null ? "" : ",segment=" + segmentId);
        }
    }

    public record PushResult(String pushId, int targeted, int sent, int skipped, int failed) {}

    public PushResult push(MessageKind kind, Segment segment, Map<String, String> data, int perSecond, Long merchantId) {
        List<Long> members = subscriptions.segment(segment.levelCode(), segment.tag(), segment.guideId(), segment.segmentId(),
                MAX_MEMBERS + 1);
        if (members.size() > MAX_MEMBERS) {
            throw new BusinessException(SubscriptionMessages.SubscriptionError.SEGMENT_TOO_LARGE, MAX_MEMBERS);
        }
        long pushId = IdWorker.getId();
        Map<SubscriptionMessages.Outcome, Integer> counts = new EnumMap<>(SubscriptionMessages.Outcome.class);
        long pause = 1000L / perSecond;
        for (long memberId : members) {
            SubscriptionMessages.Outcome outcome = messages.send(memberId, kind, "push:" + pushId, data);
            counts.merge(outcome, 1, Integer::sum);
            if (outcome == SubscriptionMessages.Outcome.SENT || outcome == SubscriptionMessages.Outcome.FAILED) {
                pace(pause);
            }
        }
        PushResult result = new PushResult(Long.toString(pushId), members.size(), counts.getOrDefault(SubscriptionMessages.Outcome.SENT, 0),
                counts.getOrDefault(SubscriptionMessages.Outcome.SKIPPED, 0) + counts.getOrDefault(SubscriptionMessages.Outcome.NOT_CONFIGURED, 0),
                counts.getOrDefault(SubscriptionMessages.Outcome.FAILED, 0));
        subscriptions.logPush(pushId, kind.name(), segment.toString(), result.targeted(), result.sent(), result.skipped(), result.failed(),
                merchantId, clock.instant());
        return result;
    }

    /** Keeps to the send rate WeChat and the merchant allow. */
    private static void pace(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
