package com.siyumall.member.pointsmall;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.RemoteProblemException;
import com.siyumall.common.web.PageQuery;
import com.siyumall.member.coupons.PromotionCoupons;
import com.siyumall.member.points.PointsService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.client.RestClientException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Exchanging points for an item, as a small saga. First, in one transaction: one unit of stock, one of the member's
 * allowance and the points are taken and the exchange is recorded PENDING — any of them missing and nothing is taken.
 * Then the item is delivered: promotion-service issues a coupon for the cause "EXCHANGE:id", or order-service writes a
 * paid-with-points order numbered after the exchange (so a retry never delivers twice): DONE. If the delivering service
 * refuses, everything is given back and the exchange is FAILED with its code; if it cannot be reached, the exchange
 * stays PENDING and {@link #retryPending()} finishes it.
 */
@Service
public class PointsExchanges {
    private static final Logger log = LoggerFactory.getLogger(PointsExchanges.class);
    private static final Duration RETRY_AFTER = Duration.ofSeconds(30);

    private final PointsMallMapper mall;
    private final PointsService points;
    private final PromotionCoupons coupons;
    private final ExchangeOrders orders;
    private final ObjectMapper json;
    private final TransactionTemplate transaction;
    private final Clock clock;

    PointsExchanges(PointsMallMapper mall, PointsService points, PromotionCoupons coupons, ExchangeOrders orders, ObjectMapper json,
                    TransactionTemplate transaction, Clock clock) {
        this.mall = mall;
        this.points = points;
        this.coupons = coupons;
        this.orders = orders;
        this.json = json;
        this.transaction = transaction;
        this.clock = clock;
    }

    public PointsMallMapper.Exchange exchange(long memberId, long itemId, ExchangeOrders.Address address) {
        PointsMallItem item = item(itemId);
        if (!item.isExchangeable()) {
            throw new BusinessException(PointsMallError.ITEM_OFF_SHELF, itemId);
        }
        if (item.needsAddress() && address == null) {
            throw new BusinessException(PointsMallError.ADDRESS_REQUIRED, itemId);
        }
        long exchangeId = IdWorker.getId();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            if (mall.takeOne(itemId, now) == 0) {
                throw new BusinessException(PointsMallError.ITEM_SOLD_OUT, itemId);
            }
            mall.openQuota(itemId, memberId);
            if (mall.useQuota(itemId, memberId, item.perMemberLimit()) == 0) {
                throw new BusinessException(PointsMallError.EXCHANGE_LIMIT_REACHED, itemId, item.perMemberLimit());
            }
            mall.insertExchange(exchangeId, itemId, memberId, item.pointsPrice(), item.needsAddress() ? write(address) : null, now);
            points.spend(memberId, item.pointsPrice(), "EXCHANGE", Long.toString(exchangeId));
        });
        deliver(exchangeId, item);
        return mall.exchange(exchangeId);
    }

    private void deliver(long exchangeId, PointsMallItem item) {
        PointsMallMapper.Exchange exchange = mall.exchange(exchangeId);
        try {
            switch (item.kind()) {
                case COUPON -> mall.done(exchangeId,
                        coupons.issue(exchange.memberId(), item.couponTemplateId(), "EXCHANGE:" + exchangeId).couponId(), clock.instant());
                case SKU -> mall.ordered(exchangeId, orders.place(exchange.memberId(), exchangeId, item.skuId(), exchange.points(),
                        read(mall.addressOf(exchangeId))), clock.instant());
            }
        } catch (RemoteProblemException refused) {
            giveBack(exchange, refused.errorCode().code());
            throw refused;
        } catch (BusinessException | RestClientException unreachable) {
            log.warn("Exchange {} stays pending: the service delivering it did not answer ({})", exchangeId, unreachable.getMessage());
        }
    }

    private void giveBack(PointsMallMapper.Exchange exchange, String failure) {
        transaction.executeWithoutResult(status -> {
            if (mall.failed(exchange.id(), failure, clock.instant()) == 1) {
                mall.returnOne(exchange.itemId(), clock.instant());
                mall.returnQuota(exchange.itemId(), exchange.memberId());
                points.giveBack(exchange.memberId(), exchange.points(), "EXCHANGE_FAILED", Long.toString(exchange.id()));
            }
        });
    }

    /** Finishes exchanges whose coupon could not be confirmed (promotion-service was down or slow). */
    @Scheduled(fixedDelayString = "${siyumall.points-mall.retry-every:1m}", initialDelayString = "${siyumall.points-mall.retry-every:1m}")
    public void retryPending() {
        for (long exchangeId : mall.pendingBefore(clock.instant().minus(RETRY_AFTER))) {
            PointsMallMapper.Exchange exchange = mall.exchange(exchangeId);
            try {
                deliver(exchangeId, item(exchange.itemId()));
            } catch (RemoteProblemException refused) {
                log.info("Exchange {} refused by promotion-service on retry: {}", exchangeId, refused.errorCode().code());
            }
        }
    }

    private String write(ExchangeOrders.Address address) {
        try {
            return json.writeValueAsString(address);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ExchangeOrders.Address read(String address) {
        try {
            return json.readValue(address, ExchangeOrders.Address.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public PointsMallItem item(long itemId) {
        PointsMallItem item = mall.item(itemId);
        if (item == null) {
            throw new BusinessException(PointsMallError.ITEM_NOT_FOUND, itemId);
        }
        return item;
    }

    public IPage<PointsMallMapper.Exchange> exchangesOf(long memberId, PageQuery page) {
        return mall.exchangesOf(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), memberId);
    }
}
