package com.siyumall.order.checkout;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.web.IdempotentRequests;
import com.siyumall.order.cart.CartService;
import com.siyumall.order.clients.Benefits;
import com.siyumall.order.clients.MemberClient;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.clients.PromotionClient;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderLine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;

/**
 * Checkout as a saga: price the basket, reserve stock, take the group-buy seat, claim the first-purchase price, lock the
 * coupon, hold points, then write the order. A step that
 * fails gives back everything taken before it, in reverse, and the member gets the step's own 409.
 */
@Service
public class CheckoutService {
    private static final Logger log = LoggerFactory.getLogger(CheckoutService.class);

    private final Pricing pricing;
    private final ProductClient products;
    private final Benefits benefits;
    private final OrderLifecycle orders;
    private final CartService carts;
    private final MemberClient members;
    private final IdempotentRequests idempotent;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration unpaidTimeout;

    CheckoutService(Pricing pricing, ProductClient products, Benefits benefits, OrderLifecycle orders, CartService carts,
                    MemberClient members, IdempotentRequests idempotent, ObjectMapper json, Clock clock,
                    @Value("${siyumall.order.unpaid-timeout:15m}") Duration unpaidTimeout) {
        this.pricing = pricing;
        this.products = products;
        this.benefits = benefits;
        this.orders = orders;
        this.carts = carts;
        this.members = members;
        this.idempotent = idempotent;
        this.json = json;
        this.clock = clock;
        this.unpaidTimeout = unpaidTimeout;
    }

    public record Address(String name, String phone, String region, String detail) {}

    public record Submission(List<Pricing.Item> items, Long couponId, boolean usePoints, Address address, Long storeId, String remark,
                             PromotionClient.GroupBuyRef groupBuy) {}

    public record Submitted(String orderNo, String status, long payAmount, Instant expiresAt) {}

    public Quote preview(long memberId, Submission submission) {
        return pricing.quote(basketOf(memberId, submission));
    }

    private static Pricing.Basket basketOf(long memberId, Submission s) {
        return new Pricing.Basket(memberId, s.items(), s.couponId(), s.usePoints(), s.storeId() != null, s.groupBuy());
    }

    /** One order per Idempotency-Key, however often or however concurrently it is sent. */
    public Submitted submit(long memberId, String idempotencyKey, Submission submission) {
        return idempotent.execute("order.submit", memberId, idempotencyKey, submission, Submitted.class,
                () -> place(memberId, submission));
    }

    private Submitted place(long memberId, Submission submission) {
        if (submission.storeId() != null && !members.store(submission.storeId()).isOperating()) {
            throw new BusinessException(CheckoutError.STORE_CLOSED, submission.storeId());
        }
        Quote quote = pricing.quote(basketOf(memberId, submission));
        String orderNo = "O" + IdWorker.getIdStr();
        Deque<Runnable> compensations = new ArrayDeque<>();
        try {
            products.reserve(orderNo, quote.lines().stream().map(l -> new ProductClient.Line(l.skuId(), l.quantity())).toList());
            compensations.push(() -> products.release(orderNo));
            Long groupId = null;
            if (quote.groupBuy() != null) {
                groupId = benefits.takeGroupBuySeat(memberId, quote.groupBuy(), orderNo);
                compensations.push(() -> benefits.releaseGroupBuySeat(orderNo));
            }
            if (quote.firstPurchaseActivityId() != null) {
                benefits.claimFirstPurchase(memberId, orderNo, quote.firstPurchaseActivityId());
                compensations.push(() -> benefits.releaseFirstPurchase(orderNo));
            }
            if (submission.couponId() != null) {
                benefits.lockCoupon(memberId, submission.couponId(), orderNo);
                compensations.push(() -> benefits.unlockCoupon(memberId, submission.couponId(), orderNo));
            }
            if (quote.pointsUsed() > 0) {
                benefits.holdPoints(memberId, quote.pointsUsed(), orderNo);
                compensations.push(() -> benefits.releasePoints(memberId, quote.pointsUsed(), orderNo));
            }
            Instant expiresAt = clock.instant().plus(unpaidTimeout);
            Order order = Order.place(orderNo, memberId, quote.itemsAmount(), quote.discountAmount(), quote.pointsUsed(),
                    quote.pointsAmount(), quote.freight(), submission.storeId() != null ? Order.Delivery.PICKUP : Order.Delivery.EXPRESS,
                    submission.address() == null ? null : write(submission.address()), submission.storeId(), submission.couponId(),
                    submission.remark(), expiresAt);
            if (groupId != null) {
                order.joinGroupBuy(groupId);
            }
            List<OrderLine> lines = quote.lines().stream().map(l -> OrderLine.of(orderNo, l.skuId(), l.spuId(), l.name(),
                    l.specText(), l.image(), l.price(), l.quantity())).toList();
            orders.create(order, lines, quote.discounts().stream()
                    .map(d -> new OrderLifecycle.DiscountRow(d.kind(), d.label(), d.amount())).toList());
            carts.removeAll(memberId, lines.stream().map(OrderLine::getSkuId).toList());
            return new Submitted(orderNo, order.getStatus().name(), order.getPayAmount(), expiresAt);
        } catch (RuntimeException failure) {
            while (!compensations.isEmpty()) {
                try {
                    compensations.pop().run();
                } catch (RuntimeException compensationFailure) {
                    // an operator must release what stays held (e.g. POST /internal/stock/reservations/{orderNo}/release)
                    log.error("Compensation of order {} failed; it needs attention", orderNo, compensationFailure);
                }
            }
            throw failure;
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
