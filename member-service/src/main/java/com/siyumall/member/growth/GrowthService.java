package com.siyumall.member.growth;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.NotFoundException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RecentlyRead;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Growth value and levels. Each grant is booked once per cause (member, reason, reference); the growth moves with one
 * UPDATE that also holds the member row, so concurrent grants serialise and a threshold is crossed — and
 * {@link MemberLevelChanged} published — exactly once.
 */
@Service
public class GrowthService {
    private final GrowthMapper growth;
    /** Every checkout's benefits and every growth change read the ladder; a merchant edits it now and then. */
    private final RecentlyRead<Boolean, LevelLadder> ladder;
    private final EventPublisher events;
    private final Clock clock;

    GrowthService(GrowthMapper growth, EventPublisher events, Clock clock) {
        this.growth = growth;
        this.events = events;
        this.clock = clock;
        this.ladder = RecentlyRead.single(Duration.ofSeconds(2), this::readLadder);
    }

    /** Adds growth for a cause and upgrades the member when a threshold is crossed; false when the cause was booked before. */
    @Transactional
    public boolean grant(long memberId, long amount, String reason, String refId) {
        if (amount <= 0 || !book(memberId, amount, reason, refId)) {
            return false;
        }
        GrowthMapper.Standing standing = growth.standing(memberId);
        LevelLadder ladder = ladder();
        MemberLevel next = ladder.after(standing.levelCode(), standing.growthValue());
        if (!next.code().equals(standing.levelCode())) {
            Instant now = clock.instant();
            growth.changeLevel(memberId, standing.levelCode(), next.code(), now);
            growth.logLevelChange(IdWorker.getId(), memberId, standing.levelCode(), next.code(), standing.growthValue(), now);
            events.publish(Topics.MEMBER_EVENTS, new MemberLevelChanged(memberId, standing.levelCode(), next.code(), next.name(),
                    ladder.rankOf(next.code()), standing.growthValue(), next.upgradeCouponTemplateIds(), now));
        }
        return true;
    }

    /** Takes growth back for a cause (a refund); the level earned stays. */
    @Transactional
    public boolean takeBack(long memberId, long amount, String reason, String refId) {
        return amount > 0 && book(memberId, -amount, reason, refId);
    }

    private boolean book(long memberId, long change, String reason, String refId) {
        Instant now = clock.instant();
        long entryId = IdWorker.getId();
        if (growth.book(entryId, memberId, change, reason, refId, now) == 0) {
            return false;
        }
        if (growth.move(memberId, change, now) == 0) {
            // an event about a member this service does not know: refused, the booking above rolls back with it
            throw new NotFoundException("member", memberId);
        }
        growth.settle(entryId, growth.standing(memberId).growthValue());
        return true;
    }

    public LevelLadder ladder() {
        return ladder.get();
    }

    private LevelLadder readLadder() {
        return new LevelLadder(growth.levels().stream().map(GrowthMapper.LevelRow::toLevel).toList());
    }

    /** The member's level and its benefits. */
    public MemberLevel levelOf(long memberId) {
        GrowthMapper.Standing standing = growth.standing(memberId);
        return ladder().byCode(standing == null ? MemberLevel.ENTRY : standing.levelCode());
    }

    /** Where the member stands: their level, growth value, and the next level with the growth still needed (null at the top). */
    public record Progress(MemberLevel level, long growthValue, MemberLevel next, long growthToNext) {}

    public Progress progressOf(long memberId) {
        GrowthMapper.Standing standing = growth.standing(memberId);
        LevelLadder ladder = ladder();
        MemberLevel level = ladder.byCode(standing == null ? MemberLevel.ENTRY : standing.levelCode());
        long value = standing == null ? 0 : standing.growthValue();
        MemberLevel next = ladder.above(level.code());
        return new Progress(level, value, next, next == null ? 0 : Math.max(0, next.growthThreshold() - value));
    }

    public GrowthRules rules() {
        return growth.rules();
    }

    public GrowthRules setRules(GrowthRules rules) {
        growth.setRules(rules, clock.instant());
        return growth.rules();
    }

    /** Creates or changes a level. Members move up to it on their next grant; nobody is moved down. */
    @Transactional
    public List<MemberLevel> saveLevel(MemberLevel level) {
        // ON DUPLICATE KEY would also fire on the threshold's unique key and overwrite that other level, so look first.
        boolean thresholdTaken = readLadder().levels().stream()
                .anyMatch(l -> l.growthThreshold() == level.growthThreshold() && !l.code().equals(level.code()));
        if (thresholdTaken) {
            throw new BusinessException(GrowthError.LEVEL_THRESHOLD_TAKEN, level.growthThreshold());
        }
        try {
            growth.saveLevel(level, MemberLevel.joinIds(level.upgradeCouponTemplateIds()), clock.instant());
        } catch (DuplicateKeyException e) {
            throw new BusinessException(GrowthError.LEVEL_THRESHOLD_TAKEN, level.growthThreshold());
        }
        AfterCommit.run(ladder::forgetAll);
        return readLadder().levels();
    }

    @Transactional
    public List<MemberLevel> deleteLevel(String code) {
        if (MemberLevel.ENTRY.equals(code)) {
            throw new BusinessException(GrowthError.ENTRY_LEVEL_FIXED);
        }
        if (growth.membersAt(code) > 0) {
            throw new BusinessException(GrowthError.LEVEL_IN_USE, code);
        }
        if (growth.deleteLevel(code) == 0) {
            throw new BusinessException(GrowthError.LEVEL_NOT_FOUND, code);
        }
        AfterCommit.run(ladder::forgetAll);
        return readLadder().levels();
    }
}
