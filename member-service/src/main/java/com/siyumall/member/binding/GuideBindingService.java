package com.siyumall.member.binding;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.web.PageQuery;
import com.siyumall.member.guide.Guide;
import com.siyumall.member.guide.GuideService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Who owns which member. The member's row is locked while a change is decided, so two guides racing for one member
 * end with exactly one binding and one event.
 */
@Service
public class GuideBindingService {
    public enum Outcome { BOUND, TAKEN_OVER, ALREADY_BOUND, PROTECTED }

    private final GuideBindingMapper bindings;
    private final GuideService guides;
    private final EventPublisher events;
    private final Clock clock;

    GuideBindingService(GuideBindingMapper bindings, GuideService guides, EventPublisher events, Clock clock) {
        this.bindings = bindings;
        this.guides = guides;
        this.events = events;
        this.clock = clock;
    }

    /**
     * The member arrived through this guide (QR scene at login) or was served by them. A stale QR of a guide who left
     * does not bind, and does not fail the visit either.
     */
    @Transactional
    public Optional<Outcome> bindOnVisit(long memberId, long guideId, GuideBinding.Source source) {
        Optional<Guide> guide = guides.find(guideId).filter(Guide::isActive);
        return guide.map(g -> bind(memberId, g, source));
    }

    /** A guide says they served this member; refused (409) while another guide's protection holds. */
    @Transactional
    public Outcome serve(long memberId, long guideId) {
        Outcome outcome = bind(memberId, guides.active(guideId), GuideBinding.Source.SERVED);
        if (outcome == Outcome.PROTECTED) {
            throw new BusinessException(BindingError.CUSTOMER_PROTECTED);
        }
        return outcome;
    }

    private Outcome bind(long memberId, Guide guide, GuideBinding.Source source) {
        if (bindings.lockMember(memberId) == null) {
            throw new BusinessException(BindingError.MEMBER_NOT_FOUND, memberId);
        }
        Instant now = clock.instant();
        GuideBinding current = bindings.currentOf(memberId);
        if (current == null) {
            GuideBinding first = GuideBinding.first(memberId, guide.getId(), guide.getStoreId(), source, now);
            bindings.insert(first);
            recordChange(first, null, null);
            return Outcome.BOUND;
        }
        if (current.isWith(guide.getId())) {
            return Outcome.ALREADY_BOUND;
        }
        if (!current.canBeTakenBy(guide.getId(), now, protection())) {
            return Outcome.PROTECTED;
        }
        Long previous = current.getGuideId();
        current.bindTo(guide.getId(), guide.getStoreId(), source, now);
        bindings.updateById(current);
        recordChange(current, previous, null);
        return Outcome.TAKEN_OVER;
    }

    /** A departing guide's customers all go to another guide, in one call, protection or not. */
    @Transactional
    public int handOver(long fromGuideId, long toGuideId, long operatorId) {
        if (fromGuideId == toGuideId) {
            throw new BusinessException(BindingError.SAME_GUIDE);
        }
        guides.get(fromGuideId);
        Guide to = guides.active(toGuideId);
        Instant now = clock.instant();
        List<Long> members = bindings.lockMembersOf(fromGuideId);
        if (members.isEmpty()) {
            return 0;
        }
        bindings.handOver(fromGuideId, to.getId(), to.getStoreId(), now);
        for (Long memberId : members) {
            GuideBinding moved = GuideBinding.first(memberId, to.getId(), to.getStoreId(), GuideBinding.Source.HANDOVER, now);
            recordChange(moved, fromGuideId, operatorId);
        }
        return members.size();
    }

    private void recordChange(GuideBinding binding, Long previousGuideId, Long operatorId) {
        bindings.log(IdWorker.getId(), binding.getMemberId(), previousGuideId, binding.getGuideId(), binding.getSource().name(),
                operatorId, binding.getBoundAt());
        events.publish(Topics.MEMBER_EVENTS, new MemberBoundToGuide(binding.getMemberId(), binding.getGuideId(),
                binding.getStoreId(), previousGuideId, binding.getSource().name(), binding.getBoundAt()));
    }

    public Optional<GuideBinding> of(long memberId) {
        return Optional.ofNullable(bindings.selectById(memberId));
    }

    public IPage<GuideCustomer> customersOf(long guideId, PageQuery page) {
        return bindings.customersOf(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), guideId);
    }

    /** One of the guide's own customers; another guide's customer is 403. */
    public GuideCustomer customerOf(long guideId, long memberId) {
        GuideBinding binding = bindings.selectById(memberId);
        if (binding == null || !binding.isWith(guideId)) {
            throw new BusinessException(BindingError.NOT_YOUR_CUSTOMER);
        }
        return bindings.customer(memberId);
    }

    public Duration protection() {
        return Duration.ofDays(bindings.protectionDays());
    }

    @Transactional
    public int setProtectionDays(int days, long merchantId) {
        bindings.setProtectionDays(days, merchantId, clock.instant());
        return days;
    }
}
