package com.siyumall.member.gift;

import com.siyumall.common.error.RemoteProblemException;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.member.coupons.PromotionCoupons;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.points.PointsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/** 开卡有礼: the gift a member gets once, driven by member-service's own MemberRegistered / MemberPhoneBound events. */
final class OpenCardGifts {
    private static final Logger log = LoggerFactory.getLogger(OpenCardGifts.class);

    private OpenCardGifts() {}

    @Service
    static class Giver {
        private final OpenCardGiftMapper gifts;
        private final PointsService points;
        private final GrowthService growth;
        private final PromotionCoupons coupons;
        private final Clock clock;

        Giver(OpenCardGiftMapper gifts, PointsService points, GrowthService growth, PromotionCoupons coupons, Clock clock) {
            this.gifts = gifts;
            this.points = points;
            this.growth = growth;
            this.coupons = coupons;
            this.clock = clock;
        }

        /** Gives the gift if this trigger is the configured one; once per member, however often it is asked. */
        void on(String trigger, long memberId) {
            OpenCardGift gift = gifts.current();
            Instant now = clock.instant();
            if (gift == null || !gift.isGivenOn(trigger) || gifts.give(memberId, gift.points(), gift.growth(), now) == 0) {
                return;
            }
            points.earn(memberId, gift.points(), "OPEN_CARD", Long.toString(memberId));
            growth.grant(memberId, gift.growth(), "OPEN_CARD", Long.toString(memberId));
            if (gift.couponTemplateId() != null) {
                giveCoupon(memberId, gift.couponTemplateId());
            }
        }

        /**
         * The gift's coupon, for the cause OPEN_CARD. If promotion-service refuses it (sold out, stopped) the points and
         * growth still stand and the refusal is logged; if it cannot be reached the whole gift is retried with the event.
         */
        private void giveCoupon(long memberId, long templateId) {
            try {
                gifts.couponGiven(memberId, coupons.issue(memberId, templateId, "OPEN_CARD").couponId());
            } catch (RemoteProblemException refused) {
                log.warn("Open-card coupon {} not given to member {}: {}", templateId, memberId, refused.errorCode().code());
            }
        }

        OpenCardGift current() {
            return gifts.current();
        }

        OpenCardGift set(OpenCardGift gift) {
            gifts.set(gift, clock.instant());
            return gifts.current();
        }
    }

    record MemberEvent(long memberId) {}

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberRegistered", consumerGroup = "member-open-card-registered")
    static class OnRegistered extends IdempotentEventListener<MemberEvent> {
        private final Giver giver;

        OnRegistered(Giver giver) {
            super(MemberEvent.class);
            this.giver = giver;
        }

        @Override
        protected void handle(MemberEvent event, EventEnvelope envelope) {
            giver.on(OpenCardGift.REGISTERED, event.memberId());
        }
    }

    @Component
    @RocketMQMessageListener(topic = Topics.MEMBER_EVENTS, selectorExpression = "MemberPhoneBound", consumerGroup = "member-open-card-phone")
    static class OnPhoneBound extends IdempotentEventListener<MemberEvent> {
        private final Giver giver;

        OnPhoneBound(Giver giver) {
            super(MemberEvent.class);
            this.giver = giver;
        }

        @Override
        protected void handle(MemberEvent event, EventEnvelope envelope) {
            giver.on(OpenCardGift.PHONE_BOUND, event.memberId());
        }
    }

    @RestController
    @Tag(name = "Growth (merchant)")
    static class OpenCardGiftController {
        private final Giver giver;

        OpenCardGiftController(Giver giver) {
            this.giver = giver;
        }

        record GiftRequest(@NotNull @Pattern(regexp = "REGISTERED|PHONE_BOUND") String triggerOn,
                           @NotNull @Min(0) @Max(1_000_000) Long points, @NotNull @Min(0) @Max(1_000_000) Long growth,
                           @NotNull Boolean enabled, Long couponTemplateId) {}

        @GetMapping("/admin/growth-rules/open-card-gift")
        OpenCardGift current() {
            return giver.current();
        }

        @PutMapping("/admin/growth-rules/open-card-gift")
        @Operation(summary = "The open-card gift: points, growth and a coupon given once per member on registering or on binding a phone")
        OpenCardGift set(@Valid @RequestBody GiftRequest request) {
            CurrentPrincipal.require(Role.MERCHANT);
            return giver.set(new OpenCardGift(request.triggerOn(), request.points(), request.growth(), request.enabled(),
                    request.couponTemplateId()));
        }
    }
}
