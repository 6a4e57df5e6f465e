package com.siyumall.promotion.firstpurchase;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.AbsentIn;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RecentlyRead;
import com.siyumall.common.saga.HeldForOrders;
import com.siyumall.common.web.PageQuery;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import com.siyumall.promotion.members.MemberFacts;
import com.siyumall.promotion.members.MemberFactsProjection;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * First purchase (首购): which activity a member may use now, and the claim that lets exactly one of their orders take
 * it. Checkout claims at submit (the member's primary key: a second concurrent order is refused); a cancelled order
 * gives the chance back, a paid one uses it up. Eligibility comes from the member facts promotions keep.
 */
@Service
public class FirstPurchases implements HeldForOrders {
    private final FirstPurchaseMapper firstPurchases;
    private final CouponService coupons;
    private final MemberFactsProjection.Facts members;
    private final Clock clock;
    /** Every quote asks which activities run; a merchant changes them now and then. */
    private final RecentlyRead<Boolean, List<FirstPurchaseActivity>> notEnded;

    FirstPurchases(FirstPurchaseMapper firstPurchases, CouponService coupons, MemberFactsProjection.Facts members, Clock clock) {
        this.firstPurchases = firstPurchases;
        this.coupons = coupons;
        this.members = members;
        this.clock = clock;
        this.notEnded = RecentlyRead.single(Duration.ofSeconds(2),
                () -> firstPurchases.notEnded(clock.instant()).stream().map(this::withPrices).toList());
    }

    @Transactional
    public FirstPurchaseActivity create(FirstPurchaseActivity activity, long merchantId) {
        if (activity.couponTemplateId() != null) {
            coupons.template(activity.couponTemplateId());
        }
        long id = IdWorker.getId();
        firstPurchases.insertActivity(id, activity, merchantId, clock.instant());
        activity.prices().forEach((skuId, price) -> firstPurchases.insertPrice(id, skuId, price));
        AfterCommit.run(notEnded::forgetAll);
        return activity(id);
    }

    public FirstPurchaseActivity activity(long id) {
        FirstPurchaseMapper.ActivityRow row = firstPurchases.activity(id);
        if (row == null) {
            throw new BusinessException(FirstPurchaseError.ACTIVITY_NOT_FOUND, id);
        }
        return withPrices(row);
    }

    /** Activities, newest first. */
    public IPage<FirstPurchaseActivity> page(PageQuery page) {
        return firstPurchases.page(page.toPage()).convert(this::withPrices);
    }

    public FirstPurchaseActivity stop(long id) {
        activity(id);
        firstPurchases.stop(id, clock.instant());
        notEnded.forgetAll();
        return activity(id);
    }

    private FirstPurchaseActivity withPrices(FirstPurchaseMapper.ActivityRow row) {
        Map<Long, Long> prices = firstPurchases.prices(row.id()).stream()
                .collect(Collectors.toMap(FirstPurchaseMapper.PriceRow::skuId, FirstPurchaseMapper.PriceRow::price));
        return new FirstPurchaseActivity(row.id(), row.name(), row.startsAt(), row.endsAt(), row.withinDaysOfJoining(), row.couponTemplateId(),
                row.status(), prices);
    }

    /**
     * The running activity this member may use now on a basket of these SKUs (the newest that prices one of them);
     * empty once they paid, or while another order of theirs holds the chance.
     */
    public Optional<FirstPurchaseActivity> openTo(long memberId, java.util.Collection<Long> skuIds) {
        if (firstPurchases.claimOf(memberId) != null) {
            return Optional.empty();
        }
        MemberFacts facts = members.of(memberId);
        Instant now = clock.instant();
        return notEnded.get().stream().filter(a -> a.isOpenTo(facts, now))
                .filter(a -> skuIds.stream().anyMatch(a.prices()::containsKey)).findFirst();
    }

    /** The running activities open to this member now (what the new-member page offers). */
    public List<FirstPurchaseActivity> offersFor(long memberId) {
        MemberFacts facts = members.of(memberId);
        Instant now = clock.instant();
        return notEnded.get().stream().filter(a -> a.isOpenTo(facts, now)).toList();
    }

    /** The activity's dedicated coupon for an eligible member: once per member and activity, however often asked. */
    public Coupon claimCoupon(long memberId, long activityId) {
        FirstPurchaseActivity activity = activity(activityId);
        boolean offered = offersFor(memberId).stream().anyMatch(a -> a.id().equals(activityId));
        if (activity.couponTemplateId() == null || !offered) {
            Optional<Coupon> given = coupons.givenFor(memberId, "FIRST_PURCHASE:" + activityId);
            return given.orElseThrow(() -> new BusinessException(FirstPurchaseError.FIRST_PURCHASE_NOT_ELIGIBLE, activityId));
        }
        return coupons.issue(memberId, activity.couponTemplateId(), CouponTemplate.Channel.SYSTEM, "FIRST_PURCHASE:" + activityId).coupon();
    }

    /** Lets this order take the first-purchase price; repeating it for the same order is fine, another order is 409. */
    public void claim(long memberId, String orderNo, long activityId) {
        try {
            firstPurchases.claim(memberId, activityId, orderNo, clock.instant());
        } catch (DuplicateKeyException e) {
            FirstPurchaseMapper.Claim held = firstPurchases.claimOf(memberId);
            if (held == null || !held.orderNo().equals(orderNo)) {
                throw new BusinessException(FirstPurchaseError.FIRST_PURCHASE_TAKEN, memberId);
            }
        }
    }

    public void release(String orderNo) {
        firstPurchases.release(orderNo);
    }

    /** order-service's OrderPaid / OrderCancelled, as read here. */
    record OrderSettled(String orderNo, long memberId, @AbsentIn("OrderCancelled") Instant paidAt) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-first-purchase-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderSettled> {
        private final FirstPurchaseMapper firstPurchases;
        private final Clock clock;

        OnOrderPaid(FirstPurchaseMapper firstPurchases, Clock clock) {
            super(OrderSettled.class);
            this.firstPurchases = firstPurchases;
            this.clock = clock;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            firstPurchases.use(event.orderNo(), clock.instant());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderCancelled", consumerGroup = "promotion-first-purchase-cancelled")
    static class OnOrderCancelled extends IdempotentEventListener<OrderSettled> {
        private final FirstPurchaseMapper firstPurchases;

        OnOrderCancelled(FirstPurchaseMapper firstPurchases) {
            super(OrderSettled.class);
            this.firstPurchases = firstPurchases;
        }

        @Override
        protected void handle(OrderSettled event, EventEnvelope envelope) {
            firstPurchases.release(event.orderNo());
        }
    }

    // --- claims still HELD by order attempts that made no live order are released: a first buyer again (AbandonedHolds)

    @Override
    public String hold() {
        return "first-purchase";
    }

    @Override
    public List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return firstPurchases.claimsHeldBefore(before, afterOrderNo, limit);
    }

    @Override
    public void giveBack(String orderNo) {
        release(orderNo);
    }
}
