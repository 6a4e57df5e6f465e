package com.siyumall.member.checkin;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.ErrorCode;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.points.PointsService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;

/**
 * Daily check-in (签到有礼): once per Shanghai day; the streak grows while no day is missed and resets to 1 after a gap;
 * the reward follows the merchant's table. The (member, day) primary key makes a second check-in on the same day fail,
 * however many arrive at once, and the reward and the MemberCheckedIn announcement are booked in the same transaction.
 */
@Service
public class CheckInService {
    private final CheckInMapper checkIns;
    private final PointsService points;
    private final GrowthService growth;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CheckInService(CheckInMapper checkIns, PointsService points, GrowthService growth, EventPublisher events,
                   TransactionTemplate transaction, Clock clock) {
        this.checkIns = checkIns;
        this.points = points;
        this.growth = growth;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    enum CheckInError implements ErrorCode {
        ALREADY_CHECKED_IN(HttpStatus.CONFLICT);

        private final HttpStatus status;

        CheckInError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    public record CheckIn(LocalDate day, int streak, long pointsAwarded, long growthAwarded) {}

    public CheckIn checkIn(long memberId) {
        LocalDate today = BusinessTime.today(clock);
        try {
            return transaction.execute(status -> {
                Integer yesterday = checkIns.streakOn(memberId, today.minusDays(1));
                int streak = yesterday == null ? 1 : yesterday + 1;
                CheckInRule reward = CheckInRule.forStreak(checkIns.rules(), streak);
                Instant now = clock.instant();
                checkIns.insert(memberId, today, streak, reward.points(), reward.growth(), now);
                points.earn(memberId, reward.points(), "CHECK_IN", today.toString());
                growth.grant(memberId, reward.growth(), "CHECK_IN", today.toString());
                events.publish(Topics.MEMBER_EVENTS, new MemberCheckedIn(memberId, today, streak, reward.points(), reward.growth(), now));
                return new CheckIn(today, streak, reward.points(), reward.growth());
            });
        } catch (DuplicateKeyException e) {
            throw new BusinessException(CheckInError.ALREADY_CHECKED_IN, today.toString());
        }
    }

    public record Day(LocalDate day, int streak, long points, long growth) {}

    /**
     * A month of the member's check-ins, with today's state: the streak as it stands (today's, else yesterday's, else 0)
     * and what the next check-in earns — today's when not yet done, else tomorrow's if the streak goes on.
     */
    public record Calendar(YearMonth month, LocalDate today, boolean checkedInToday, int streak, int nextStreak,
                           long nextPoints, long nextGrowth, List<Day> days) {}

    public Calendar calendar(long memberId, YearMonth month) {
        LocalDate today = BusinessTime.today(clock);
        Integer todays = checkIns.streakOn(memberId, today);
        Integer yesterdays = checkIns.streakOn(memberId, today.minusDays(1));
        int streak = todays != null ? todays : yesterdays != null ? yesterdays : 0;
        int nextStreak = streak + 1;
        CheckInRule next = CheckInRule.forStreak(checkIns.rules(), nextStreak);
        return new Calendar(month, today, todays != null, streak, nextStreak, next.points(), next.growth(),
                checkIns.between(memberId, month.atDay(1), month.atEndOfMonth()));
    }

    public List<CheckInRule> rules() {
        return checkIns.rules();
    }

    public List<CheckInRule> setRules(List<CheckInRule> rules) {
        transaction.executeWithoutResult(status -> {
            checkIns.clearRules();
            Instant now = clock.instant();
            for (int i = 0; i < rules.size(); i++) {
                checkIns.insertRule(i + 1, rules.get(i).points(), rules.get(i).growth(), now);
            }
        });
        return checkIns.rules();
    }
}
