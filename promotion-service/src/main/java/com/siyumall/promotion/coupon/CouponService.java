package com.siyumall.promotion.coupon;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.persistence.RecentlyRead;
import com.siyumall.common.saga.HeldForOrders;
import com.siyumall.common.web.PageQuery;
import com.siyumall.promotion.members.MemberFacts;
import com.siyumall.promotion.members.MemberFactsProjection;
import org.redisson.api.RLock;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * Coupons never over-issue: a Redis script takes one from the template's remaining quantity and the member's allowance
 * at once; MySQL then counts the issue ({@code issued_quantity < total_quantity}) and stores the coupon under a unique
 * (template, member, claim number) — so even a Redis that lost or invented counts cannot issue one too many.
 */
@Service
public class CouponService implements HeldForOrders {
    private static final int LOAD_ATTEMPTS = 3;
    private static final Duration RULES_FRESH_FOR = Duration.ofSeconds(2);
    private static final Duration CAUSE_LOCK_WAIT = Duration.ofSeconds(10);
    private static final Duration CAUSE_LOCK_LEASE = Duration.ofSeconds(30);

    private final CouponMapper coupons;
    private final ClaimCounter counter;
    private final MemberFactsProjection.Facts members;
    private final TransactionTemplate transaction;
    private final EventPublisher events;
    private final Clock clock;
    private final RecentlyRead<Long, CouponTemplate> rules = new RecentlyRead<>(RULES_FRESH_FOR, 10_000, this::template);

    CouponService(CouponMapper coupons, ClaimCounter counter, MemberFactsProjection.Facts members, PlatformTransactionManager transactions,
                  EventPublisher events, Clock clock) {
        this.coupons = coupons;
        this.counter = counter;
        this.members = members;
        // An issue commits on its own: a listener that catches a refusal must not find its own transaction spoiled,
        // and a redelivered cause finds the coupon it already gave.
        this.transaction = new TransactionTemplate(transactions);
        this.transaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.events = events;
        this.clock = clock;
    }

    /** A coupon issued for a cause, and whether this call issued it (false: the cause had it already). */
    public record Issued(Coupon coupon, boolean newlyIssued) {}

    public CouponTemplate create(CouponTemplate template, long merchantId) {
        template.setCreatedBy(merchantId);
        coupons.insert(template);
        return template;
    }

    public CouponTemplate stop(long templateId) {
        CouponTemplate template = template(templateId);
        template.setStatus(CouponTemplate.Status.STOPPED);
        coupons.updateById(template);
        rules.forget(templateId);
        return template;
    }

    /**
     * A template's terms and rules (discount, channels, validity, audience, allowance) for a claim or a coupon's view:
     * a hot template's row was re-read for every claim (a fifth of promotion-service's claim samples). The terms never
     * change once created; never used for quantities — the Redis script and the guarded count decide those. A template
     * stopped on another instance can still be claimed here for up to 2 s.
     */
    public CouponTemplate rules(long templateId) {
        CouponTemplate template = rules.get(templateId);
        if (template == null) {
            throw new BusinessException(CouponError.TEMPLATE_NOT_FOUND, templateId);
        }
        return template;
    }

    public CouponTemplate template(long templateId) {
        CouponTemplate template = coupons.selectById(templateId);
        if (template == null) {
            throw new BusinessException(CouponError.TEMPLATE_NOT_FOUND, templateId);
        }
        return template;
    }

    public IPage<CouponTemplate> templates(PageQuery page) {
        return coupons.selectPage(page.toPage(), new LambdaQueryWrapper<CouponTemplate>().orderByDesc(CouponTemplate::getId));
    }

    /** A member claims one coupon of a template through a channel. */
    public Coupon claim(long memberId, long templateId, CouponTemplate.Channel channel) {
        return issue(memberId, templateId, channel, null).coupon();
    }

    /**
     * Gives a member one coupon of a template through a channel, once per {@code cause} (null: no cause, as in the claim
     * centre): repeating a cause returns the coupon it gave. The total and the member's limit hold as for claims.
     */
    public Issued issue(long memberId, long templateId, CouponTemplate.Channel channel, String cause) {
        return issue(memberId, templateId, channel, cause, null);
    }

    /** A coupon's own validity, when a rule sets it instead of the template (a repurchase coupon valid from day X to Y). */
    public record Validity(Instant from, Instant to) {
        public Validity {
            if (!to.isAfter(from)) {
                throw new BusinessException(CouponError.TEMPLATE_INVALID, "validTo after validFrom");
            }
        }
    }

    /** As {@link #issue(long, long, CouponTemplate.Channel, String)}, valid for {@code validity} (null: the template's). */
    public Issued issue(long memberId, long templateId, CouponTemplate.Channel channel, String cause, Validity validity) {
        return issue(memberId, templateId, channel, cause, validity, null);
    }

    /** Who handed a coupon out: a guide of a store (their quota or their QR code). */
    public record Issuer(long guideId, Long storeId) {}

    /** As {@link #issue(long, long, CouponTemplate.Channel, String)}, handed out by a guide (their coupon or QR code). */
    public Issued issueByGuide(long memberId, long templateId, CouponTemplate.Channel channel, String cause, Issuer issuer) {
        return issue(memberId, templateId, channel, cause, null, issuer);
    }

    private Issued issue(long memberId, long templateId, CouponTemplate.Channel channel, String cause, Validity validity, Issuer issuer) {
        if (cause == null) {
            return issueNow(memberId, templateId, channel, null, validity, issuer);
        }
        RLock lock = counter.causeLock(templateId, memberId);
        boolean locked;
        try {
            locked = lock.tryLock(CAUSE_LOCK_WAIT.toMillis(), CAUSE_LOCK_LEASE.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            locked = false;
        }
        if (!locked) {
            throw new BusinessException(CouponError.COUPON_ISSUE_BUSY, templateId);
        }
        try {
            Coupon given = coupons.byCause(memberId, templateId, cause);
            return given != null ? new Issued(given, false) : issueNow(memberId, templateId, channel, cause, validity, issuer);
        } finally {
            lock.unlock();
        }
    }

    /** The coupon a cause gave the member, if any. */
    public java.util.Optional<Coupon> givenFor(long memberId, String cause) {
        return Optional.ofNullable(coupons.givenFor(memberId, cause));
    }

    private Issued issueNow(long memberId, long templateId, CouponTemplate.Channel channel, String cause, Validity own, Issuer issuer) {
        CouponTemplate template = rules(templateId);
        // whole seconds, as the driver writes times here (the general log shows no fractions), so the coupon answered
        // without reading it back is the coupon stored
        Instant now = clock.instant().truncatedTo(ChronoUnit.SECONDS);
        if (!template.isClaimableAt(now, channel)) {
            throw new BusinessException(CouponError.COUPON_NOT_CLAIMABLE, templateId);
        }
        CouponAudience audience = template.audienceRule();
        // most templates are for everyone: no member facts to read on the claim's hot path
        if (channel == CouponTemplate.Channel.CLAIM_CENTRE && !audience.takesEveryone() && !audience.includes(members.of(memberId), now)) {
            throw new BusinessException(CouponError.COUPON_NOT_FOR_YOU, templateId);
        }
        int seq = takeClaim(template, memberId);
        try {
            Instant[] validity = own != null ? new Instant[]{own.from().truncatedTo(ChronoUnit.SECONDS), own.to().truncatedTo(ChronoUnit.SECONDS)}
                    : template.validityFrom(now);
            Long couponId = transaction.execute(status -> {
                if (coupons.countIssue(templateId, now) == 0) {
                    throw new BusinessException(CouponError.COUPON_SOLD_OUT, templateId);
                }
                long id = IdWorker.getId();
                coupons.insertCoupon(id, templateId, memberId, seq, channel.name(), validity[0], validity[1], now, cause);
                events.publish(Topics.PROMOTION_EVENTS, new CouponIssued(id, templateId, template.getName(), memberId, channel.name(), cause,
                        issuer == null ? null : issuer.guideId(), issuer == null ? null : issuer.storeId(), now));
                return id;
            });
            return new Issued(new Coupon(couponId, templateId, memberId, seq, channel.name(), Coupon.UNUSED, validity[0], validity[1],
                    null, now), true);
        } catch (DuplicateKeyException e) {
            counter.unclaim(templateId, memberId);
            Coupon given = cause == null ? null : coupons.byCause(memberId, templateId, cause);
            if (given != null) {
                return new Issued(given, false);
            }
            throw new BusinessException(CouponError.COUPON_LIMIT_REACHED, templateId);
        } catch (RuntimeException e) {
            counter.unclaim(templateId, memberId);
            throw e;
        }
    }

    private int takeClaim(CouponTemplate template, long memberId) {
        for (int attempt = 1; ; attempt++) {
            long result = counter.claim(template.getId(), memberId, template.getPerMemberLimit());
            if (result > 0) {
                return (int) result;
            }
            if (result == ClaimCounter.SOLD_OUT) {
                throw new BusinessException(CouponError.COUPON_SOLD_OUT, template.getId());
            }
            if (result == ClaimCounter.LIMIT_REACHED) {
                throw new BusinessException(CouponError.COUPON_LIMIT_REACHED, template.getId());
            }
            if (attempt == LOAD_ATTEMPTS) {
                throw new IllegalStateException("Claim counters of template " + template.getId() + " could not be loaded");
            }
            CouponTemplate fresh = template(template.getId());
            Map<Long, Integer> claims = new HashMap<>();
            coupons.claimsPerMember(template.getId()).forEach(row ->
                    claims.put(((Number) row.get("k")).longValue(), ((Number) row.get("v")).intValue()));
            counter.load(template.getId(), fresh.getTotalQuantity() - fresh.getIssuedQuantity(), claims);
        }
    }

    /** Templates the member could claim in the claim centre now, with how many they already hold. */
    public List<Map.Entry<CouponTemplate, Integer>> available(long memberId) {
        Instant now = clock.instant();
        MemberFacts member = members.of(memberId);
        Map<Long, Integer> held = new HashMap<>();
        coupons.claimedByMember(memberId).forEach(row -> held.put(((Number) row.get("template_id")).longValue(), ((Number) row.get("n")).intValue()));
        return coupons.selectList(new LambdaQueryWrapper<CouponTemplate>().eq(CouponTemplate::getStatus, CouponTemplate.Status.ACTIVE)).stream()
                .filter(t -> t.isClaimableAt(now, CouponTemplate.Channel.CLAIM_CENTRE))
                .filter(t -> t.audienceRule().includes(member, now))
                .filter(t -> t.getIssuedQuantity() < t.getTotalQuantity())
                .filter(t -> held.getOrDefault(t.getId(), 0) < t.getPerMemberLimit())
                .map(t -> Map.entry(t, held.getOrDefault(t.getId(), 0)))
                .toList();
    }

    public IPage<Coupon> mine(long memberId, String status, PageQuery page) {
        return coupons.couponsOf(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), memberId, status);
    }

    /** For checkout: the member's own coupon, usable now, becomes LOCKED by the order. */
    public Coupon lock(long memberId, long couponId, String orderNo) {
        Coupon locked = transaction.execute(status -> {
            Coupon coupon = coupons.lockRow(couponId);
            if (coupon == null) {
                throw new BusinessException(CouponError.COUPON_UNAVAILABLE, couponId);
            }
            if (coupon.lockedFor(orderNo)) {
                return coupon;
            }
            Instant now = clock.instant();
            // the coupon decides; the guarded update is the database's second line
            if (!coupon.lockableBy(memberId, now) || coupons.lock(couponId, memberId, orderNo, now) == 0) {
                throw new BusinessException(CouponError.COUPON_UNAVAILABLE, couponId);
            }
            return coupons.coupon(couponId);
        });
        return locked;
    }

    /** The order was cancelled (or never made): its coupon is usable again. Repeats do nothing. */
    public void unlock(long couponId, String orderNo) {
        coupons.unlock(couponId, orderNo, clock.instant());
    }

    /** The order was paid: its coupon is spent. Repeats do nothing. */
    public void use(long couponId, String orderNo) {
        coupons.use(couponId, orderNo, clock.instant());
    }

    public List<Long> couponsOfOrder(String orderNo) {
        return coupons.couponsOfOrder(orderNo);
    }

    public Coupon coupon(long couponId) {
        Coupon coupon = coupons.coupon(couponId);
        if (coupon == null) {
            throw new BusinessException(CouponError.COUPON_NOT_FOUND, couponId);
        }
        return coupon;
    }

    // --- coupons still LOCKED by order attempts that made no live order are unlocked (see AbandonedHolds) -----------

    @Override
    public String hold() {
        return "coupon";
    }

    @Override
    public List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return coupons.lockedBefore(before, afterOrderNo, limit);
    }

    @Override
    public void giveBack(String orderNo) {
        couponsOfOrder(orderNo).forEach(couponId -> unlock(couponId, orderNo));
    }
}
