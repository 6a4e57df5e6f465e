package com.siyumall.promotion.guide;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/**
 * 导购发券: merchants give guides a quota per template; a guide issues from it to their own customers only. The quota
 * is taken by one guarded update (never over, however many issue at once) and given back when promotion refuses the
 * coupon (sold out, the member's limit); every attempt that reached the quota is in the audit trail.
 */
@Service
public class GuideCoupons {
    private final GuideMapper guides;
    private final CouponService coupons;
    private final Clock clock;

    GuideCoupons(GuideMapper guides, CouponService coupons, Clock clock) {
        this.guides = guides;
        this.coupons = coupons;
        this.clock = clock;
    }

    public Coupon issue(long guideId, Long storeId, long memberId, long templateId) {
        Long owner = guides.guideOf(memberId);
        if (owner == null || owner != guideId) {
            throw new BusinessException(GuideError.NOT_YOUR_CUSTOMER, memberId);
        }
        if (guides.takeOne(guideId, templateId) == 0) {
            throw new BusinessException(GuideError.GUIDE_QUOTA_EXCEEDED, templateId);
        }
        long issueId = IdWorker.getId();
        Instant now = clock.instant();
        try {
            Coupon coupon = coupons.issueByGuide(memberId, templateId, CouponTemplate.Channel.GUIDE, "GUIDE:" + issueId,
                    new CouponService.Issuer(guideId, storeId)).coupon();
            guides.logIssue(issueId, guideId, storeId, memberId, templateId, coupon.id(), "ISSUED", null, now);
            return coupon;
        } catch (BusinessException refused) {
            guides.returnOne(guideId, templateId);
            guides.logIssue(issueId, guideId, storeId, memberId, templateId, null, "REFUSED", refused.errorCode().code(), now);
            throw refused;
        }
    }

    public List<GuideMapper.Quota> setQuota(long templateId, long guideId, int quota, long merchantId) {
        coupons.template(templateId);
        guides.setQuota(guideId, templateId, quota, merchantId, clock.instant());
        return guides.quotasOfTemplate(templateId);
    }

    public List<GuideMapper.Quota> quotasOfTemplate(long templateId) {
        return guides.quotasOfTemplate(templateId);
    }

    public List<GuideMapper.Quota> quotasOfGuide(long guideId) {
        return guides.quotasOfGuide(guideId);
    }

    /** member-service's MemberBoundToGuide, as read here. */
    record MemberBoundToGuide(long memberId, long guideId, long storeId, Instant boundAt) {}

    /** Keeps the guide–customer projection: the newest binding wins, whatever order events arrive in. */
    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberBoundToGuide", consumerGroup = "promotion-guide-customers")
    static class OnMemberBoundToGuide extends IdempotentEventListener<MemberBoundToGuide> {
        private final GuideMapper guides;
        private final Clock clock;

        OnMemberBoundToGuide(GuideMapper guides, Clock clock) {
            super(MemberBoundToGuide.class);
            this.guides = guides;
            this.clock = clock;
        }

        @Override
        protected void handle(MemberBoundToGuide event, EventEnvelope envelope) {
            guides.bind(event.memberId(), event.guideId(), event.storeId(),
                    event.boundAt() != null ? event.boundAt() : envelope.occurredAt(), clock.instant());
        }
    }
}
