/**
 * What brought an order. {@link com.siyumall.order.attribution.OrderAttributions} works it out at submit (called from
 * checkout's {@code CheckoutService}) from the shopper's last touch, sent with the order, and the guide binding kept
 * here from member-service's MemberBoundToGuide; {@link com.siyumall.order.order.Attribution} is stamped on the order
 * and travels on OrderCreated and OrderPaid to insight-service (guide, store and sharer reports).
 */
package com.siyumall.order.attribution;
