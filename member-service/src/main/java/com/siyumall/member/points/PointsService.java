package com.siyumall.member.points;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.ErrorCode;
import com.siyumall.common.web.PageQuery;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;

/**
 * The points ledger. Every change is booked once per cause (member, type, reason, reference) and moves the balance
 * with one guarded statement, so redelivered events never pay twice and parallel spending never goes below zero.
 */
@Service
public class PointsService {
    private final PointsMapper points;
    private final Clock clock;

    PointsService(PointsMapper points, Clock clock) {
        this.points = points;
        this.clock = clock;
    }

    enum PointsError implements ErrorCode {
        POINTS_INSUFFICIENT(HttpStatus.CONFLICT),
        POINTS_RATE_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
        POINTS_CAP_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
        POINTS_EXPIRY_INVALID(HttpStatus.UNPROCESSABLE_ENTITY),
        POINTS_HOLD_CONFLICT(HttpStatus.CONFLICT);

        private final HttpStatus status;

        PointsError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    /** Adds points for a cause; false when that cause was already paid. Joins the caller's transaction. */
    @Transactional
    public boolean earn(long memberId, long amount, String reason, String refId) {
        return apply(memberId, PointsEntry.Type.EARN, amount, reason, refId);
    }

    /** Takes points for a cause; 409 POINTS_INSUFFICIENT when the balance does not cover it. */
    @Transactional
    public boolean spend(long memberId, long amount, String reason, String refId) {
        return apply(memberId, PointsEntry.Type.SPEND, -amount, reason, refId);
    }

    /** Expires unused points (an EXPIRE line), once per member and label; false when that expiry was booked before. */
    @Transactional
    public boolean expire(long memberId, long amount, String label) {
        return apply(memberId, PointsEntry.Type.EXPIRE, -amount, "EXPIRY", label);
    }

    /** Gives points back that a failed exchange or order took (a RELEASE line), once per cause. */
    @Transactional
    public boolean giveBack(long memberId, long amount, String reason, String refId) {
        return apply(memberId, PointsEntry.Type.RELEASE, amount, reason, refId);
    }

    /**
     * Takes back points a refunded order earned, as far as the balance allows (points already spent stay spent; the
     * shortfall is logged by the ledger line showing less than asked).
     */
    @Transactional
    public boolean reverse(long memberId, long amount, String reason, String refId) {
        long takeable = Math.min(amount, balance(memberId));
        return apply(memberId, PointsEntry.Type.REVERSE, -takeable, reason, refId);
    }

    /** Books one ledger line and moves the balance; false when this cause was booked before. Package-private for holds. */
    boolean apply(long memberId, PointsEntry.Type type, long change, String reason, String refId) {
        if (change == 0) {
            return false;
        }
        Instant now = clock.instant();
        long entryId = IdWorker.getId();
        if (points.book(entryId, memberId, type.name(), change, reason, refId, now) == 0) {
            return false;
        }
        if (change > 0) {
            points.add(memberId, change, now);
        } else if (points.take(memberId, -change, now) == 0) {
            throw new BusinessException(PointsError.POINTS_INSUFFICIENT, -change);
        }
        points.settle(entryId, points.balance(memberId));
        return true;
    }

    public long balance(long memberId) {
        Long balance = points.balance(memberId);
        return balance == null ? 0 : balance;
    }

    public IPage<PointsEntry> ledger(long memberId, PageQuery page) {
        return points.ledger(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), memberId);
    }
}
