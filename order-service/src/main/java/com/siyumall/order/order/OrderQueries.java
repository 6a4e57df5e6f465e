package com.siyumall.order.order;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.media.Schema;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;

@Service
public class OrderQueries {
    private final OrderMapper orders;
    private final OrderLifecycle lifecycle;

    OrderQueries(OrderMapper orders, OrderLifecycle lifecycle) {
        this.orders = orders;
        this.lifecycle = lifecycle;
    }

    public record OrderSummary(String orderNo, Long memberId, String status, long payAmount, Instant createdAt, Instant expiresAt,
                               Instant paidAt) {
        static OrderSummary of(Order o) {
            return new OrderSummary(o.getOrderNo(), o.getMemberId(), o.getStatus().name(), o.getPayAmount(), o.getCreatedAt(),
                    o.getExpiresAt(), o.getPaidAt());
        }
    }

    @Schema(name = "OrderDetailLine")
    public record Line(Long skuId, Long spuId, String name, String specText, String image, long price, int quantity, long amount) {}

    public record OrderDetail(String orderNo, Long memberId, String status, long itemsAmount, List<OrderMapper.DiscountLine> discounts,
                              long pointsUsed, long pointsAmount, long freight, long payAmount, String delivery, String address,
                              Long storeId, Long couponId, String remark, Instant createdAt, Instant expiresAt, Instant paidAt,
                              String transactionId, Instant cancelledAt, String cancelReason, String carrier,
                              String trackingNo, Instant shippedAt, Instant completedAt, long refundedAmount, List<Line> items,
                              List<OrderMapper.StatusChange> history,
                              @Schema(description = "a pick-up order's code while it waits at the store (PAID)") String pickupCode,
                              @Schema(description = "the same code as QR content, for the store's scanner") String pickupQrContent,
                              @Schema(description = "the guide or merchant account that verified the pick-up") Long pickedUpBy) {}

    public PageResult<OrderSummary> page(PageQuery page, Long memberId, OrderStatus status, String orderNo, Instant from, Instant to) {
        return PageResult.of(orders.selectPage(page.toPage(), new LambdaQueryWrapper<Order>()
                .eq(memberId != null, Order::getMemberId, memberId)
                .eq(status != null, Order::getStatus, status)
                .eq(orderNo != null, Order::getOrderNo, orderNo)
                .ge(from != null, Order::getCreatedAt, from)
                .lt(to != null, Order::getCreatedAt, to)
                .orderByDesc(Order::getCreatedAt)), OrderSummary::of);
    }

    public OrderDetail detail(Order o) {
        List<Line> items = lifecycle.linesOf(o.getOrderNo()).stream().map(l -> new Line(l.getSkuId(), l.getSpuId(), l.getName(),
                l.getSpecText(), l.getImage(), l.getPrice(), l.getQuantity(), l.getAmount())).toList();
        return new OrderDetail(o.getOrderNo(), o.getMemberId(), o.getStatus().name(), o.getItemsAmount(), orders.discountsOf(o.getOrderNo()),
                o.getPointsUsed(), o.getPointsAmount(), o.getFreight(), o.getPayAmount(), o.getDelivery().name(), o.getAddress(),
                o.getPickupStoreId(), o.getCouponId(), o.getRemark(), o.getCreatedAt(), o.getExpiresAt(), o.getPaidAt(),
                o.getTransactionId(), o.getCancelledAt(), o.getCancelReason(), o.getCarrier(), o.getTrackingNo(), o.getShippedAt(),
                o.getCompletedAt(), o.getRefundedAmount() == null ? 0 : o.getRefundedAmount(), items, orders.historyOf(o.getOrderNo()),
                o.openPickupCode(), o.openPickupCode() == null ? null : "siyumall:pickup:" + o.openPickupCode(), o.getPickedUpBy());
    }
}
