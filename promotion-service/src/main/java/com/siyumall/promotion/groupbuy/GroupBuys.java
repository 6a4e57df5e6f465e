package com.siyumall.promotion.groupbuy;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.saga.HeldForOrders;
import com.siyumall.common.web.PageQuery;
import com.siyumall.promotion.members.MemberFactsProjection;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Groups and their seats. A seat is taken for an order when it is placed (HELD) — opening a group takes the leader's,
 * joining takes one under the group's row lock with a guarded update, so a group never has more members than its
 * size however many join at once — and counts when the order is paid. The group succeeds when every seat is paid;
 * when its time is up it is completed virtually (if the activity allows and someone paid) or fails, and the paid
 * orders are refunded by order-service on {@link GroupBuyEvents.GroupBuyFailed}. A cancelled order frees its seat.
 */
@Service
public class GroupBuys implements HeldForOrders {
    private final GroupBuyMapper groupBuys;
    private final EventPublisher events;
    private final MemberFactsProjection.Facts members;
    private final Clock clock;

    GroupBuys(GroupBuyMapper groupBuys, EventPublisher events, MemberFactsProjection.Facts members, Clock clock) {
        this.groupBuys = groupBuys;
        this.events = events;
        this.members = members;
        this.clock = clock;
    }

    /** {@code spuId}: the product of the activity's SKU, null when product-service could not say. */
    public GroupBuyActivity create(GroupBuyActivity activity, Long spuId, long merchantId) {
        long id = IdWorker.getId();
        groupBuys.insertActivity(id, activity, spuId, merchantId, clock.instant());
        return activity(id);
    }

    /** Activities running now, of a product or a SKU when given, the soonest ending first. */
    public IPage<GroupBuyActivity> running(PageQuery page, Long spuId, Long skuId) {
        return groupBuys.running(page.toPage(), clock.instant(), spuId, skuId);
    }

    /** At most {@code limit} groups of the activity a shopper can still join, the soonest ending first. */
    public List<GroupBuyMapper.Group> joinable(long activityId, int limit) {
        return groupBuys.joinable(activityId, clock.instant(), limit);
    }

    public GroupBuyActivity activity(long id) {
        GroupBuyActivity activity = groupBuys.activity(id);
        if (activity == null) {
            throw new BusinessException(GroupBuyError.GROUP_BUY_NOT_FOUND, id);
        }
        return activity;
    }

    /** Activities, newest first. */
    public IPage<GroupBuyActivity> page(PageQuery page) {
        return groupBuys.page(page.toPage());
    }

    public GroupBuyActivity stop(long id) {
        activity(id);
        groupBuys.stop(id, clock.instant());
        return activity(id);
    }

    public GroupBuyMapper.Group group(long groupId) {
        GroupBuyMapper.Group group = groupBuys.group(groupId);
        if (group == null) {
            throw new BusinessException(GroupBuyError.GROUP_NOT_FOUND, groupId);
        }
        return group;
    }

    public List<GroupBuyMapper.Seat> seats(long groupId) {
        return groupBuys.seats(groupId);
    }

    /** For pricing: refuses a group-buy that cannot be joined now (the seat taken at submit decides for good). */
    public void requireJoinable(long activityId, Long groupId) {
        Instant now = clock.instant();
        if (groupId == null) {
            if (!activity(activityId).isOpenAt(now)) {
                throw new BusinessException(GroupBuyError.GROUP_BUY_CLOSED, activityId);
            }
            return;
        }
        GroupBuyMapper.Group group = groupBuys.group(groupId);
        if (group == null || group.activityId() != activityId) {
            throw new BusinessException(GroupBuyError.GROUP_NOT_FOUND, groupId);
        }
        if (!group.isJoinableAt(now)) {
            throw new BusinessException(GroupBuyError.GROUP_CLOSED, groupId);
        }
        if (group.isFull()) {
            throw new BusinessException(GroupBuyError.GROUP_FULL, groupId);
        }
    }

    /**
     * Takes a seat for an order: a new group with the member as leader ({@code groupId} null) or a seat in an open one.
     * Repeating it for the same order returns the same seat.
     */
    @Transactional
    public GroupBuyMapper.Seat claimSeat(long memberId, long activityId, Long groupId, String orderNo) {
        GroupBuyMapper.Seat existing = groupBuys.seatOfOrder(orderNo);
        if (existing != null && existing.memberId() == memberId) {
            return existing;
        }
        GroupBuyActivity activity = activity(activityId);
        if (activity.newMembersOnly() && members.of(memberId).hasPaid()) {
            throw new BusinessException(GroupBuyError.NEW_MEMBERS_ONLY, activityId);
        }
        if (groupBuys.seatsOfMemberInActivity(activityId, memberId) >= activity.perMemberLimit()) {
            throw new BusinessException(GroupBuyError.GROUP_BUY_LIMIT_REACHED, activityId, activity.perMemberLimit());
        }
        Instant now = clock.instant();
        long seatId = IdWorker.getId();
        if (groupId == null) {
            if (!activity.isOpenAt(now)) {
                throw new BusinessException(GroupBuyError.GROUP_BUY_CLOSED, activityId);
            }
            long newGroup = IdWorker.getId();
            Instant expiresAt = activity.groupExpiresFrom(now);
            groupBuys.openGroup(newGroup, activityId, memberId, activity.groupSize(), expiresAt, now);
            groupBuys.insertSeat(seatId, newGroup, activityId, memberId, orderNo, true, now);
            events.schedule(Topics.PROMOTION_TIMERS, new GroupBuyEvents.GroupBuyDue(newGroup), expiresAt);
        } else {
            GroupBuyMapper.Group group = groupBuys.lockGroup(groupId);
            if (group == null || group.activityId() != activityId) {
                throw new BusinessException(GroupBuyError.GROUP_NOT_FOUND, groupId);
            }
            if (!group.isJoinableAt(now)) {
                throw new BusinessException(GroupBuyError.GROUP_CLOSED, groupId);
            }
            if (groupBuys.seatsOfMemberInGroup(groupId, memberId) > 0) {
                throw new BusinessException(GroupBuyError.ALREADY_IN_GROUP, groupId);
            }
            if (groupBuys.takeSeat(groupId, now) == 0) {
                throw new BusinessException(GroupBuyError.GROUP_FULL, groupId);
            }
            groupBuys.insertSeat(seatId, groupId, activityId, memberId, orderNo, false, now);
        }
        return groupBuys.seatOfOrder(orderNo);
    }

    /** The order failed or was cancelled before it was paid: its seat is free again. */
    @Transactional
    public void releaseSeat(String orderNo) {
        GroupBuyMapper.Seat seat = groupBuys.seatOfOrder(orderNo);
        Instant now = clock.instant();
        if (seat != null && groupBuys.moveSeat(orderNo, "HELD", "RELEASED", now) == 1) {
            groupBuys.lockGroup(seat.groupId());
            groupBuys.freeSeat(seat.groupId(), now);
        }
    }

    /** The order was paid: its seat counts; the last paid seat completes the group. */
    @Transactional
    public void seatPaid(String orderNo) {
        GroupBuyMapper.Seat seat = groupBuys.seatOfOrder(orderNo);
        Instant now = clock.instant();
        if (seat == null || groupBuys.moveSeat(orderNo, "HELD", "PAID", now) == 0) {
            return;
        }
        GroupBuyMapper.Group group = groupBuys.lockGroup(seat.groupId());
        groupBuys.seatPaid(group.id(), now);
        GroupBuyActivity activity = activity(group.activityId());
        switch (group.status()) {
            case "OPEN" -> {
                if (group.completesWithOneMorePaid() && groupBuys.finish(group.id(), "SUCCEEDED", false, now) == 1) {
                    List<GroupBuyMapper.Seat> paid = groupBuys.seatsNow(group.id()).stream().filter(s -> "PAID".equals(s.status())).toList();
                    events.publish(Topics.PROMOTION_EVENTS, new GroupBuyEvents.GroupBuySucceeded(group.id(), activity.id(), activity.name(),
                            paid.stream().map(GroupBuyMapper.Seat::memberId).toList(), paid.stream().map(GroupBuyMapper.Seat::orderNo).toList(),
                            false, now));
                }
            }
            // paid after the group was completed virtually: a member of it like the others
            case "SUCCEEDED" -> events.publish(Topics.PROMOTION_EVENTS, new GroupBuyEvents.GroupBuySucceeded(group.id(), activity.id(),
                    activity.name(), List.of(seat.memberId()), List.of(orderNo), group.virtualCompleted(), now));
            // paid after the group failed: refunded like the others
            default -> events.publish(Topics.PROMOTION_EVENTS, new GroupBuyEvents.GroupBuyFailed(group.id(), activity.id(), activity.name(),
                    List.of(seat.memberId()), List.of(orderNo), List.of(), now));
        }
    }

    /** The group's time is up: complete it virtually or let it fail. Repeating it changes nothing. */
    @Transactional
    public void expire(long groupId) {
        GroupBuyMapper.Group group = groupBuys.lockGroup(groupId);
        if (group == null || !group.isOpen()) {
            return;
        }
        GroupBuyActivity activity = activity(group.activityId());
        List<GroupBuyMapper.Seat> seats = groupBuys.seatsNow(groupId);
        List<GroupBuyMapper.Seat> paid = seats.stream().filter(s -> "PAID".equals(s.status())).toList();
        List<GroupBuyMapper.Seat> unpaid = seats.stream().filter(s -> "HELD".equals(s.status())).toList();
        Instant now = clock.instant();
        if (activity.completesVirtually(paid.size())) {
            groupBuys.finish(groupId, "SUCCEEDED", true, now);
            events.publish(Topics.PROMOTION_EVENTS, new GroupBuyEvents.GroupBuySucceeded(groupId, activity.id(), activity.name(),
                    paid.stream().map(GroupBuyMapper.Seat::memberId).toList(), paid.stream().map(GroupBuyMapper.Seat::orderNo).toList(),
                    true, now));
            return;
        }
        groupBuys.finish(groupId, "FAILED", false, now);
        unpaid.forEach(s -> groupBuys.moveSeat(s.orderNo(), "HELD", "RELEASED", now));
        events.publish(Topics.PROMOTION_EVENTS, new GroupBuyEvents.GroupBuyFailed(groupId, activity.id(), activity.name(),
                paid.stream().map(GroupBuyMapper.Seat::memberId).toList(), paid.stream().map(GroupBuyMapper.Seat::orderNo).toList(),
                unpaid.stream().map(GroupBuyMapper.Seat::orderNo).toList(), now));
    }

    // --- seats still HELD by order attempts that made no live order are freed (see AbandonedHolds) -------------------

    @Override
    public String hold() {
        return "seat";
    }

    @Override
    public List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return groupBuys.seatsHeldBefore(before, afterOrderNo, limit);
    }

    @Override
    public void giveBack(String orderNo) {
        releaseSeat(orderNo);
    }
}
