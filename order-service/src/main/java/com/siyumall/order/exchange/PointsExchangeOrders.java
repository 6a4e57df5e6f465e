package com.siyumall.order.exchange;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.order.clients.ProductClient;
import com.siyumall.order.order.Order;
import com.siyumall.order.order.OrderLifecycle;
import com.siyumall.order.order.OrderLine;
import com.siyumall.order.order.OrderMapper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Orders for points-mall SKU items (member-service's exchanges): one unit, paid with points, born PAID and shipped like
 * any order. The order number comes from the exchange, so member-service's retries find the same order; the unit is
 * reserved, the order written, then the unit confirmed as sold (a confirm that fails is repeated by the retry).
 */
@Service
public class PointsExchangeOrders {
    private static final Logger log = LoggerFactory.getLogger(PointsExchangeOrders.class);

    private final OrderMapper orders;
    private final OrderLifecycle lifecycle;
    private final ProductClient products;
    private final ObjectMapper json;
    private final Clock clock;

    PointsExchangeOrders(OrderMapper orders, OrderLifecycle lifecycle, ProductClient products, ObjectMapper json, Clock clock) {
        this.orders = orders;
        this.lifecycle = lifecycle;
        this.products = products;
        this.json = json;
        this.clock = clock;
    }

    public record Address(String name, String phone, String region, String detail) {}

    public record Placed(String orderNo, String status) {}

    enum ExchangeOrderError implements com.siyumall.common.error.ErrorCode {
        EXCHANGE_SKU_UNAVAILABLE(HttpStatus.CONFLICT),
        EXCHANGE_ORDER_CONFLICT(HttpStatus.CONFLICT);

        private final HttpStatus status;

        ExchangeOrderError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    public Placed place(long memberId, String exchangeNo, long skuId, long points, Address address) {
        String orderNo = "X" + exchangeNo;
        Order existing = orders.selectById(orderNo);
        if (existing != null) {
            if (existing.getMemberId() != memberId) {
                throw new BusinessException(ExchangeOrderError.EXCHANGE_ORDER_CONFLICT, exchangeNo);
            }
            confirm(orderNo);
            return new Placed(orderNo, existing.getStatus().name());
        }
        ProductClient.SkuSnapshot sku = products.snapshots(List.of(skuId)).get(skuId);
        if (sku == null || !sku.buyable()) {
            throw new BusinessException(ExchangeOrderError.EXCHANGE_SKU_UNAVAILABLE, Map.of("skuId", Long.toString(skuId)), skuId);
        }
        products.reserve(orderNo, List.of(new ProductClient.Line(skuId, 1)));
        Instant now = clock.instant();
        try {
            Order order = Order.paidWithPoints(orderNo, memberId, sku.price(), points, write(address), now);
            lifecycle.createPaidWithPoints(order, List.of(OrderLine.of(orderNo, sku.skuId(), sku.spuId(), sku.name(), sku.specText(),
                    sku.image(), sku.price(), 1)), exchangeNo);
        } catch (RuntimeException failure) {
            products.release(orderNo);
            throw failure;
        }
        confirm(orderNo);
        return new Placed(orderNo, "PAID");
    }

    private void confirm(String orderNo) {
        try {
            products.confirm(orderNo);
        } catch (RuntimeException e) {
            log.warn("Exchange order {} is written but its unit is still only reserved: {}", orderNo, e.getMessage());
        }
    }

    private String write(Address address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
