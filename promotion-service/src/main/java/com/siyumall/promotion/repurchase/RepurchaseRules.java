package com.siyumall.promotion.repurchase;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.web.PageQuery;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * Repurchase rules applied to paid orders. Each paid order is counted once, with its place among the member's paid
 * orders by payment time; one member's orders are counted one at a time (a lock row), and counting an order looks
 * again at the member's later ones, since a late event changes their places and gaps. Rewards stay single: a rule's
 * coupon once per member (cause REPURCHASE:rule:member — a member has one Nth order), its points once per order. If a
 * member's OrderPaid events arrive out of payment order, the Nth-order coupon can go with a later order (still once).
 * The coupon's expiry reminder is the coupon clock's CouponExpiring, like any coupon's.
 */
@Service
public class RepurchaseRules {
    private static final Logger log = LoggerFactory.getLogger(RepurchaseRules.class);

    private final RepurchaseMapper rules;
    private final CouponService coupons;
    private final EventPublisher events;
    private final TransactionTemplate ownTransaction;
    private final Clock clock;

    RepurchaseRules(RepurchaseMapper rules, CouponService coupons, EventPublisher events, PlatformTransactionManager transactions,
                    Clock clock) {
        this.rules = rules;
        this.coupons = coupons;
        this.events = events;
        // the member's lock row is created apart: concurrent INSERT IGNOREs of one new key inside the locking
        // transactions deadlock (shared locks on the duplicate, then each wants the exclusive one)
        this.ownTransaction = new TransactionTemplate(transactions);
        this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.clock = clock;
    }

    public RepurchaseRule create(RepurchaseRule rule, long merchantId) {
        if (rule.couponTemplateId() != null) {
            coupons.template(rule.couponTemplateId());
        }
        long id = IdWorker.getId();
        rules.insert(id, rule, merchantId, clock.instant());
        return rules.rule(id);
    }

    /** Rules, newest first. */
    public IPage<RepurchaseRule> page(PageQuery page) {
        return rules.page(page.toPage());
    }

    public RepurchaseRule stop(long id) {
        if (rules.rule(id) == null) {
            throw new BusinessException(RepurchaseError.RULE_NOT_FOUND, id);
        }
        rules.stop(id, clock.instant());
        return rules.rule(id);
    }

    /** Rewards a paid order by the active rules; runs in the OrderPaid listener's transaction. */
    void onPaid(String orderNo, long memberId, Instant paidAt) {
        ownTransaction.executeWithoutResult(status -> rules.openMember(memberId));
        rules.lockMember(memberId);
        if (rules.countPaid(orderNo, memberId, paidAt) == 0) {
            return;
        }
        List<RepurchaseRule> active = rules.active();
        for (RepurchaseMapper.PaidOrder order : rules.paidFrom(memberId, paidAt)) {
            reward(memberId, order, active);
        }
    }

    private void reward(long memberId, RepurchaseMapper.PaidOrder order, List<RepurchaseRule> active) {
        int nth = rules.placeOf(memberId, order.orderNo(), order.paidAt());
        Instant previous = rules.previousPaidAt(memberId, order.paidAt());
        for (RepurchaseRule rule : active) {
            if (rule.givesCouponFor(nth)) {
                try {
                    coupons.issue(memberId, rule.couponTemplateId(), CouponTemplate.Channel.SYSTEM,
                            "REPURCHASE:" + rule.id() + ":" + memberId, rule.couponValidity(order.paidAt()));
                } catch (BusinessException refused) {
                    log.warn("Repurchase rule {} gave no coupon for order {}: {}", rule.id(), order.orderNo(), refused.errorCode().code());
                }
            }
            if (rule.givesPointsFor(previous, order.paidAt()) && rules.rewardPoints(rule.id(), order.orderNo()) == 1) {
                events.publish(Topics.PROMOTION_EVENTS, new RepurchasePointsEarned(memberId, order.orderNo(), rule.id(),
                        rule.pointsMultiplierPercent()));
            }
        }
    }

    /** order-service's OrderPaid, as read here. */
    record OrderPaid(String orderNo, long memberId, Instant paidAt) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-repurchase-paid")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final RepurchaseRules rules;

        OnOrderPaid(RepurchaseRules rules) {
            super(OrderPaid.class);
            this.rules = rules;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            rules.onPaid(event.orderNo(), event.memberId(), event.paidAt() != null ? event.paidAt() : envelope.occurredAt());
        }
    }
}
