package com.siyumall.promotion.paysuccess;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.ErrorCode;
import com.siyumall.common.event.EventEnvelope;
import com.siyumall.common.event.IdempotentEventListener;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.promotion.coupon.Coupon;
import com.siyumall.promotion.coupon.CouponService;
import com.siyumall.promotion.coupon.CouponTemplate;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;

/**
 * 支付有礼: after OrderPaid the member gets the coupon the merchant set for the pay-success page, once per paid order
 * (cause PAY_SUCCESS:orderNo); the page shows it. A sold-out or stopped template gives nothing and is logged.
 */
final class PaySuccessCoupons {
    private static final Logger log = LoggerFactory.getLogger(PaySuccessCoupons.class);

    private PaySuccessCoupons() {}

    record Offer(Long templateId, boolean enabled) {}

    enum PaySuccessError implements ErrorCode {
        NO_PAY_SUCCESS_COUPON(HttpStatus.NOT_FOUND);

        private final HttpStatus status;

        PaySuccessError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    @Mapper
    interface OfferMapper {
        @Select("SELECT template_id, enabled FROM pay_success_offer WHERE id = 1")
        Offer current();

        @Update("UPDATE pay_success_offer SET template_id = #{templateId}, enabled = #{enabled}, updated_at = #{at} WHERE id = 1")
        int set(@Param("templateId") Long templateId, @Param("enabled") boolean enabled, @Param("at") Instant at);
    }

    /** The merchant's offer and what it gave. */
    @Service
    static class Offers {
        private final OfferMapper offers;
        private final CouponService coupons;
        private final Clock clock;

        Offers(OfferMapper offers, CouponService coupons, Clock clock) {
            this.offers = offers;
            this.coupons = coupons;
            this.clock = clock;
        }

        Offer current() {
            return offers.current();
        }

        Offer set(Long templateId, boolean enabled) {
            if (templateId != null) {
                coupons.template(templateId);
            }
            offers.set(templateId, enabled, clock.instant());
            return offers.current();
        }

        Coupon givenFor(long memberId, String orderNo) {
            return coupons.givenFor(memberId, "PAY_SUCCESS:" + orderNo)
                    .orElseThrow(() -> new BusinessException(PaySuccessError.NO_PAY_SUCCESS_COUPON, orderNo));
        }
    }

    /** order-service's OrderPaid, as read here. */
    record OrderPaid(String orderNo, long memberId) {}

    @Component
    @RocketMQMessageListener(topic = Topics.ORDER_EVENTS, selectorExpression = "OrderPaid", consumerGroup = "promotion-pay-success-coupon")
    static class OnOrderPaid extends IdempotentEventListener<OrderPaid> {
        private final OfferMapper offers;
        private final CouponService coupons;

        OnOrderPaid(OfferMapper offers, CouponService coupons) {
            super(OrderPaid.class);
            this.offers = offers;
            this.coupons = coupons;
        }

        @Override
        protected void handle(OrderPaid event, EventEnvelope envelope) {
            Offer offer = offers.current();
            if (offer == null || !offer.enabled() || offer.templateId() == null) {
                return;
            }
            try {
                coupons.issue(event.memberId(), offer.templateId(), CouponTemplate.Channel.PAY_SUCCESS, "PAY_SUCCESS:" + event.orderNo());
            } catch (BusinessException refused) {
                log.warn("Pay-success coupon {} not given for order {}: {}", offer.templateId(), event.orderNo(), refused.errorCode().code());
            }
        }
    }

    @RestController
    @Tag(name = "Coupons")
    static class PaySuccessController {
        private final Offers offers;

        PaySuccessController(Offers offers) {
            this.offers = offers;
        }

        record OfferRequest(Long templateId, @NotNull Boolean enabled) {}

        @GetMapping("/admin/coupon-templates/pay-success-offer")
        Offer offer() {
            return offers.current();
        }

        @PutMapping("/admin/coupon-templates/pay-success-offer")
        @Operation(summary = "The coupon given on the pay-success page after every paid order (its template must allow PAY_SUCCESS)")
        Offer setOffer(@Valid @RequestBody OfferRequest request) {
            CurrentPrincipal.require(Role.MERCHANT);
            return offers.set(request.templateId(), request.enabled());
        }

        @GetMapping("/api/coupons/pay-success/{orderNo}")
        @Operation(summary = "The coupon the calling member got for paying this order (404 when none was given)")
        Coupon forOrder(@PathVariable String orderNo) {
            return offers.givenFor(CurrentPrincipal.memberId(), orderNo);
        }
    }
}
