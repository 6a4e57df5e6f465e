package com.siyumall.promotion.groupbuy;

import com.siyumall.common.event.MallEvent;

import java.time.Instant;
import java.util.List;

/** What group-buy tells the rest of the mall. */
public final class GroupBuyEvents {
    private GroupBuyEvents() {}

    /** The group filled (or was completed virtually): its paid orders may ship. */
    public record GroupBuySucceeded(long groupId, long activityId, String activityName, List<Long> memberIds, List<String> orderNos,
                                    boolean virtual, Instant succeededAt) implements MallEvent {
        @Override
        public String eventKey() { return Long.toString(groupId); }
    }

    /**
     * The group ran out of time: order-service refunds {@code orderNos} (paid) and cancels {@code unpaidOrderNos};
     * {@code memberIds} are the paid members, who are told.
     */
    public record GroupBuyFailed(long groupId, long activityId, String activityName, List<Long> memberIds, List<String> orderNos,
                                 List<String> unpaidOrderNos, Instant failedAt) implements MallEvent {
        @Override
        public String eventKey() { return Long.toString(groupId); }
    }

    /** Timer: the group's time is up. */
    public record GroupBuyDue(long groupId) implements MallEvent {
        @Override
        public String eventKey() { return Long.toString(groupId); }
    }
}
