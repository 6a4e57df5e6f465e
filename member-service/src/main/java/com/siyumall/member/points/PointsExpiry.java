package com.siyumall.member.points;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.time.BusinessTime;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * Points expire at the merchant's horizon: what was earned in a year expires at the end of that year plus N. Spending
 * is taken from the oldest points first, so what expires is what was earned before the cutoff and not yet used:
 * {@code earned before the cutoff − everything used so far (spent, held, reversed, expired, net of releases)}, never
 * more than the balance. Each run is booked once per member (EXPIRE, "EXPIRY", the year), so re-running changes nothing.
 */
@Service
public class PointsExpiry {
    private static final Logger log = LoggerFactory.getLogger(PointsExpiry.class);

    private final ExpiryMapper expiry;
    private final PointsService points;
    private final PointsHolds holds;
    private final Clock clock;

    PointsExpiry(ExpiryMapper expiry, PointsService points, PointsHolds holds, Clock clock) {
        this.expiry = expiry;
        this.points = points;
        this.holds = holds;
        this.clock = clock;
    }

    @Mapper
    interface ExpiryMapper {
        @Select("SELECT DISTINCT member_id FROM points_entry WHERE type = 'EARN' AND created_at < #{cutoff} AND member_id > #{after} "
                + "ORDER BY member_id LIMIT 500")
        List<Long> earnersBefore(@Param("cutoff") Instant cutoff, @Param("after") long afterMemberId);

        @Select("SELECT COALESCE(SUM(points_change), 0) FROM points_entry WHERE member_id = #{memberId} AND type = 'EARN' AND created_at < #{cutoff}")
        long earnedBefore(@Param("memberId") long memberId, @Param("cutoff") Instant cutoff);

        /** Points used so far, all time: spent, held, reversed and expired, less what holds released. */
        @Select("SELECT COALESCE(-SUM(points_change), 0) FROM points_entry WHERE member_id = #{memberId} "
                + "AND type IN ('SPEND', 'HOLD', 'REVERSE', 'EXPIRE', 'RELEASE')")
        long usedSoFar(long memberId);
    }

    /** On 1 January (Shanghai): points earned up to the end of the year N years back expire. */
    @Scheduled(cron = "${siyumall.points.expiry-cron:0 10 0 1 1 *}", zone = "Asia/Shanghai")
    public void atYearEnd() {
        int years = holds.settings().expireAfterYears();
        if (years == 0) {
            return;
        }
        int lastYearKept = BusinessTime.today(clock).getYear() - years;
        int expired = expireEarnedBefore(LocalDate.of(lastYearKept, 1, 1).atStartOfDay(BusinessTime.ZONE).toInstant(),
                Integer.toString(lastYearKept - 1));
        log.info("Points earned up to {} expired for {} members", lastYearKept - 1, expired);
    }

    /** Expires, per member, what was earned before {@code cutoff} and is still unused; the number of members touched. */
    public int expireEarnedBefore(Instant cutoff, String label) {
        int touched = 0;
        long after = 0;
        for (List<Long> batch = expiry.earnersBefore(cutoff, after); !batch.isEmpty(); batch = expiry.earnersBefore(cutoff, after)) {
            for (long memberId : batch) {
                long expiring = Math.min(points.balance(memberId),
                        Math.max(0, expiry.earnedBefore(memberId, cutoff) - expiry.usedSoFar(memberId)));
                try {
                    if (expiring > 0 && points.expire(memberId, expiring, label)) {
                        touched++;
                    }
                } catch (BusinessException spentMeanwhile) {
                    log.info("Member {} spent points while they were expiring; running it again takes the rest", memberId);
                }
                after = memberId;
            }
        }
        return touched;
    }
}
