package com.siyumall.member.points;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RecentlyRead;
import com.siyumall.common.saga.HeldForOrders;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Points spent on an order: held at checkout (they leave the balance at once, so they cannot be spent twice), confirmed
 * when the order is paid, released when it is cancelled, and given back in share when it is refunded. Each move is a
 * guarded status change, so a repeated call or a redelivered event changes nothing.
 */
@Service
public class PointsHolds implements HeldForOrders {
    private static final Duration SETTINGS_FRESH_FOR = Duration.ofSeconds(2);

    private final PointsHoldMapper holds;
    private final PointsService points;
    private final Clock clock;
    /** Read by every checkout's benefits call; changed by a merchant now and then. */
    private final RecentlyRead<Boolean, PointsSettings> settings;

    PointsHolds(PointsHoldMapper holds, PointsService points, Clock clock) {
        this.holds = holds;
        this.points = points;
        this.clock = clock;
        this.settings = RecentlyRead.single(SETTINGS_FRESH_FOR, holds::settings);
    }

    /** Holds points for an order; repeating the same hold is a no-op, another amount for the same order is 409. */
    @Transactional
    public void hold(long memberId, String orderNo, long amount) {
        if (holds.open(orderNo, memberId, amount, clock.instant()) == 0) {
            PointsHoldMapper.Hold existing = holds.find(orderNo);
            if (existing.memberId() != memberId || existing.points() != amount) {
                throw new BusinessException(PointsService.PointsError.POINTS_HOLD_CONFLICT, orderNo);
            }
            return;
        }
        points.apply(memberId, PointsEntry.Type.HOLD, -amount, "ORDER", orderNo);
    }

    /** The order was paid: the held points are spent for good. */
    @Transactional
    public void confirm(String orderNo) {
        holds.move(orderNo, "HELD", "CONFIRMED", clock.instant());
    }

    /** The order failed or was cancelled: the held points return. */
    @Transactional
    public void release(String orderNo) {
        PointsHoldMapper.Hold hold = holds.find(orderNo);
        if (hold != null && holds.move(orderNo, "HELD", "RELEASED", clock.instant()) == 1) {
            points.apply(hold.memberId(), PointsEntry.Type.RELEASE, hold.points(), "ORDER", orderNo);
        }
    }

    /** A paid order was refunded: its share of the points it used comes back (everything left when refunded in full). */
    @Transactional
    public void refunded(String orderNo, String refundNo, long refundAmount, long paidAmount, boolean wholeOrder) {
        PointsHoldMapper.Hold hold = holds.lock(orderNo);
        if (hold == null || !"CONFIRMED".equals(hold.status())) {
            return;
        }
        long share = RefundShare.of(hold.points(), hold.returned(), refundAmount, paidAmount, wholeOrder);
        if (share > 0 && points.apply(hold.memberId(), PointsEntry.Type.RELEASE, share, "ORDER_REFUNDED", refundNo)) {
            holds.returned(orderNo, share, clock.instant());
        }
    }

    public PointsSettings settings() {
        return settings.get();
    }

    public PointsSettings setSettings(PointsSettings changed) {
        holds.setSettings(changed, clock.instant());
        AfterCommit.run(settings::forgetAll);
        return holds.settings();
    }

    // --- points still HELD by order attempts that made no live order go back to the member (see AbandonedHolds) -----

    @Override
    public String hold() {
        return "points";
    }

    @Override
    public List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return holds.heldBefore(before, afterOrderNo, limit);
    }

    @Override
    public void giveBack(String orderNo) {
        release(orderNo);
    }
}
