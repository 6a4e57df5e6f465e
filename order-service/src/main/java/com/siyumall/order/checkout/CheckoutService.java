package com.siyumall.order.checkout;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.web.Admission;
import com.siyumall.common.web.IdempotentRequests;
import com.siyumall.order.address.AddressBook;
import com.siyumall.order.cart.CartService;
import com.siyumall.order.clients.Benefits;
import com.siyumall.order.attribution.OrderAttributions;
import com.siyumall.order.clients.MemberClient;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.clients.PromotionClient;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderLine;
import com.siyumall.order.order.OrderStatus;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Checkout as a durable saga ({@link CheckoutSagas}): write the saga, reserve stock, price the basket (and record
 * what the quote adds to the saga), take the group-buy seat, claim the first-purchase price, lock the coupon, hold
 * points, then write the order and complete the saga in one transaction. A step that fails gives back everything the saga may have taken and the member gets the
 * step's own 409; a process that dies mid-way leaves the saga to the recovery job. Submits pass admission control
 * ({@code siyumall.checkout.max-concurrent-submits}, waiting at most {@code max-wait-for-admission}): beyond it a fast
 * 503 BUSY.
 */
@Service
public class CheckoutService {
    private final Pricing pricing;
    private final ProductClient products;
    private final Benefits benefits;
    private final OrderLifecycle orders;
    private final CartService carts;
    private final MemberClient members;
    private final OrderAttributions attributions;
    private final AddressBook addressBook;
    private final IdempotentRequests idempotent;
    private final CheckoutSagas sagas;
    private final TransactionTemplate transaction;
    private final Admission admission;
    private final ObjectMapper json;
    private final Clock clock;
    private final Duration unpaidTimeout;

    CheckoutService(Pricing pricing, ProductClient products, Benefits benefits, OrderLifecycle orders, CartService carts,
                    MemberClient members, OrderAttributions attributions, AddressBook addressBook, IdempotentRequests idempotent, CheckoutSagas sagas,
                    TransactionTemplate transaction, ObjectMapper json, Clock clock, MeterRegistry metrics,
                    @Value("${siyumall.order.unpaid-timeout:15m}") Duration unpaidTimeout,
                    @Value("${siyumall.checkout.max-concurrent-submits:8}") int maxConcurrentSubmits,
                    @Value("${siyumall.checkout.max-wait-for-admission:2s}") Duration maxWaitForAdmission) {
        this.pricing = pricing;
        this.products = products;
        this.benefits = benefits;
        this.orders = orders;
        this.carts = carts;
        this.members = members;
        this.attributions = attributions;
        this.addressBook = addressBook;
        this.idempotent = idempotent;
        this.sagas = sagas;
        this.transaction = transaction;
        this.admission = new Admission("order.submit", maxConcurrentSubmits, maxWaitForAdmission, metrics);
        this.json = json;
        this.clock = clock;
        this.unpaidTimeout = unpaidTimeout;
    }

    public record Address(String name, String phone, String region, String detail) {}

    /** {@code touch}: what brought the shopper, as the mini-program saw it (null when it sent nothing). */
    /** Delivery: a {@code storeId} to pick up from, or an address — typed in, or {@code addressId} from the address book. */
    public record Submission(List<Pricing.Item> items, Long couponId, boolean usePoints, Address address, Long addressId, Long storeId,
                             String remark, PromotionClient.GroupBuyRef groupBuy, OrderAttributions.Touch touch) {
        public void checkDelivery() {
            if (address != null && addressId != null) {
                throw new BusinessException(CheckoutError.ADDRESS_GIVEN_TWICE);
            }
            if (address == null && addressId == null && storeId == null) {
                throw new BusinessException(CheckoutError.DELIVERY_REQUIRED);
            }
        }
    }

    /** What a submit answers; {@code groupId} is the group-buy group the order opened or joined (null for other orders). */
    public record Submitted(String orderNo, String status, long payAmount, Instant expiresAt, Long groupId) {}

    public Quote preview(long memberId, Submission submission) {
        return pricing.preview(basketOf(memberId, submission));
    }

    private static Pricing.Basket basketOf(long memberId, Submission s) {
        return new Pricing.Basket(memberId, s.items(), s.couponId(), s.usePoints(), s.storeId() != null, s.groupBuy());
    }

    /** One order per Idempotency-Key, however often or however concurrently it is sent. */
    public Submitted submit(long memberId, String idempotencyKey, Submission submission) {
        return admission.call(() -> idempotent.execute("order.submit", memberId, idempotencyKey, submission, Submitted.class,
                () -> place(memberId, idempotencyKey, submission)));
    }

    private Submitted place(long memberId, String idempotencyKey, Submission submission) {
        // before the saga: an address that is not the member's refuses the order with nothing held
        Object shipTo = submission.addressId() != null ? addressBook.snapshotOf(memberId, submission.addressId()) : submission.address();
        String orderNo = "O" + IdWorker.getIdStr();
        CheckoutSagas.Start start = sagas.start(orderNo, memberId, idempotencyKey, submission.groupBuy() != null, submission.couponId());
        if (start.placedBefore() != null) {
            Order order = orders.get(start.placedBefore());
            return new Submitted(order.getOrderNo(), OrderStatus.UNPAID.name(), order.getPayAmount(), order.getExpiresAt(),
                    order.getGroupBuyGroupId());
        }
        CheckoutSaga saga = start.saga();
        boolean reserved = false;
        try {
            if (submission.storeId() != null && !members.store(submission.storeId()).isOperating()) {
                throw new BusinessException(CheckoutError.STORE_CLOSED, submission.storeId());
            }
            // the stock first: a sold-out attempt is refused after one call, before it is priced
            Map<Long, ProductClient.SkuSnapshot> skus = products.reserveWithSnapshots(orderNo,
                    submission.items().stream().map(i -> new ProductClient.Line(i.skuId(), i.quantity())).toList()).snapshots();
            reserved = true;
            Quote quote = pricing.forSubmit(basketOf(memberId, submission), skus);
            saga = sagas.priced(saga, quote);
            Long groupId = null;
            if (saga.takesSeat()) {
                groupId = benefits.takeGroupBuySeat(memberId, quote.groupBuy(), orderNo);
            }
            if (saga.firstPurchase()) {
                benefits.claimFirstPurchase(memberId, orderNo, quote.firstPurchaseActivityId());
            }
            if (saga.couponId() != null) {
                benefits.lockCoupon(memberId, saga.couponId(), orderNo);
            }
            if (saga.points() > 0) {
                benefits.holdPoints(memberId, saga.points(), orderNo);
            }
            Instant expiresAt = clock.instant().plus(unpaidTimeout);
            Order order = Order.place(orderNo, memberId, quote.itemsAmount(), quote.discountAmount(), quote.pointsUsed(),
                    quote.pointsAmount(), quote.freight(), submission.storeId() != null ? Order.Delivery.PICKUP : Order.Delivery.EXPRESS,
                    shipTo == null ? null : write(shipTo), submission.storeId(), submission.couponId(),
                    submission.remark(), expiresAt);
            order.attributeTo(attributions.of(memberId, submission.touch(), clock.instant()));
            if (groupId != null) {
                order.joinGroupBuy(groupId);
            }
            List<OrderLine> lines = quote.lines().stream().map(l -> OrderLine.of(orderNo, l.skuId(), l.spuId(), l.name(),
                    l.specText(), l.image(), l.price(), l.quantity())).toList();
            List<OrderLifecycle.DiscountRow> discounts = quote.discounts().stream()
                    .map(d -> new OrderLifecycle.DiscountRow(d.kind(), d.label(), d.amount())).toList();
            transaction.executeWithoutResult(status -> {
                sagas.complete(orderNo);
                orders.create(order, lines, discounts);
            });
            carts.removeAll(memberId, lines.stream().map(OrderLine::getSkuId).toList());
            return new Submitted(orderNo, order.getStatus().name(), order.getPayAmount(), expiresAt, groupId);
        } catch (RuntimeException failure) {
            sagas.compensate(saga, failure, reserved);
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
