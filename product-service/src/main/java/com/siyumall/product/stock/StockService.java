package com.siyumall.product.stock;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.saga.HeldForOrders;
import com.siyumall.common.web.PageQuery;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Stock that never oversells. Redis answers "is there enough?" for the whole basket in one script, so most losers never
 * touch MySQL; MySQL then takes the units with conditional updates and records the reservation — it is the truth, and
 * whatever Redis says, a unit MySQL does not have is never reserved. Each operation is idempotent per order number.
 */
@Service
public class StockService implements HeldForOrders {
    private static final Logger log = LoggerFactory.getLogger(StockService.class);
    private static final int LOAD_ATTEMPTS = 3;

    private final StockMapper stock;
    private final RedisStock redis;
    private final SaleableSkus catalog;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final ObjectMapper json;

    StockService(StockMapper stock, RedisStock redis, SaleableSkus catalog, EventPublisher events,
                 TransactionTemplate transaction, Clock clock, ObjectMapper json) {
        this.json = json;
        this.stock = stock;
        this.redis = redis;
        this.catalog = catalog;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Reservation(String orderNo, String status, List<StockLine> lines) {}

    /** Stock for a new SKU, in the catalog's transaction. */
    public void initialize(long skuId, int quantity) {
        stock.create(skuId, quantity, clock.instant());
    }

    /** Reserves the whole basket for an order, or nothing (409 STOCK_INSUFFICIENT naming the SKU). Repeats return the first result. */
    public Reservation reserve(String orderNo, List<StockLine> requested) {
        List<StockLine> lines = merged(requested);
        try {
            return reserveAnew(orderNo, lines);
        } catch (BusinessException refusal) {
            // a repeat of a reservation made before (its Redis marker gone) is answered with that reservation, whatever
            // the stock or the shelf say now; the common first call reads nothing before it takes (the read was a
            // seventh of product-service's cost of an order)
            Reservation existing = existing(orderNo);
            if (existing != null) {
                return sameOrMismatch(existing, lines);
            }
            throw refusal;
        }
    }

    /** Takes the units in Redis, then in MySQL; a repeat shows as Redis's marker or MySQL's primary key. */
    private Reservation reserveAnew(String orderNo, List<StockLine> lines) {
        Map<Long, SkuFacts> facts = checkSaleable(lines);
        if (!takeInRedis(orderNo, lines)) {
            return sameOrMismatch(existing(orderNo), lines);
        }
        try {
            transaction.executeWithoutResult(status -> takeInMysql(orderNo, lines, facts));
        } catch (BusinessException | DuplicateKeyException e) {
            redis.restore(lines);
            redis.forgetOrder(orderNo);
            if (e instanceof DuplicateKeyException) {
                return sameOrMismatch(existing(orderNo), lines);
            }
            throw e;
        } catch (RuntimeException e) {
            redis.restore(lines);
            redis.forgetOrder(orderNo);
            throw e;
        }
        return new Reservation(orderNo, StockReservation.RESERVED, lines);
    }

    private static List<StockLine> merged(List<StockLine> requested) {
        Map<Long, Integer> quantities = new LinkedHashMap<>();
        requested.forEach(l -> quantities.merge(l.skuId(), l.quantity(), Integer::sum));
        return quantities.entrySet().stream().map(e -> new StockLine(e.getKey(), e.getValue()))
                .sorted(Comparator.comparingLong(StockLine::skuId)).toList();
    }

    private Reservation existing(String orderNo) {
        List<StockReservation> rows = stock.reservationsOf(orderNo);
        if (rows.isEmpty()) {
            return null;
        }
        Set<String> statuses = rows.stream().map(StockReservation::status).collect(Collectors.toSet());
        String status = statuses.size() == 1 ? statuses.iterator().next() : "MIXED";
        return new Reservation(orderNo, status, rows.stream().map(r -> new StockLine(r.skuId(), r.quantity())).toList());
    }

    private static Reservation sameOrMismatch(Reservation existing, List<StockLine> lines) {
        if (existing == null) {
            throw new BusinessException(StockError.RESERVATION_IN_PROGRESS);
        }
        if (!existing.lines().equals(lines)) {
            throw new BusinessException(StockError.RESERVATION_MISMATCH, existing.orderNo());
        }
        return existing;
    }

    private Map<Long, SkuFacts> checkSaleable(List<StockLine> lines) {
        Map<Long, SkuFacts> facts = catalog.factsOf(lines.stream().map(StockLine::skuId).toList());
        for (StockLine line : lines) {
            SkuFacts fact = facts.get(line.skuId());
            if (fact == null) {
                throw new BusinessException(StockError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(line.skuId())), line.skuId());
            }
            if (!fact.buyable()) {
                throw new BusinessException(StockError.PRODUCT_NOT_ON_SALE, Map.of("skuId", Long.toString(line.skuId())), line.skuId());
            }
        }
        return facts;
    }

    /** False when this order number already holds its units in Redis (a repeat racing the first call). */
    private boolean takeInRedis(String orderNo, List<StockLine> lines) {
        for (int attempt = 1; ; attempt++) {
            RedisStock.Outcome outcome = redis.reserve(orderNo, lines);
            switch (outcome.code()) {
                case RedisStock.Outcome.RESERVED:
                    return true;
                case RedisStock.Outcome.ALREADY_RESERVED:
                    return false;
                case RedisStock.Outcome.SHORT:
                    throw insufficient(lines.get(outcome.line()).skuId());
                case RedisStock.Outcome.NOT_LOADED:
                    if (attempt == LOAD_ATTEMPTS) {
                        throw new IllegalStateException("Stock of SKU " + lines.get(outcome.line()).skuId() + " could not be loaded into Redis");
                    }
                    long skuId = lines.get(outcome.line()).skuId();
                    Integer available = stock.available(skuId);
                    if (available == null) {
                        throw new BusinessException(StockError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(skuId)), skuId);
                    }
                    redis.load(skuId, available);
                    break;
                default:
                    throw new IllegalStateException("Unexpected answer of the reserve script: " + outcome);
            }
        }
    }

    private void takeInMysql(String orderNo, List<StockLine> lines, Map<Long, SkuFacts> facts) {
        Instant now = clock.instant();
        for (StockLine line : lines) {
            if (stock.reserve(line.skuId(), line.quantity(), now) == 0) {
                log.info("Redis let order {} through for SKU {} but MySQL has too little; Redis is ahead and will be reconciled",
                        orderNo, line.skuId());
                throw insufficient(line.skuId());
            }
            stock.insertReservation(orderNo, line.skuId(), line.quantity(), now);
            warnIfLow(facts.get(line.skuId()), line.quantity());
        }
    }

    private void warnIfLow(SkuFacts fact, int taken) {
        if (fact == null || fact.lowStockThreshold() <= 0) {
            return;
        }
        Integer available = stock.available(fact.skuId());
        if (available != null && available <= fact.lowStockThreshold() && available + taken > fact.lowStockThreshold()) {
            events.publish(Topics.PRODUCT_EVENTS, new StockLow(fact.skuId(), fact.spuId(), available, fact.lowStockThreshold()));
        }
    }

    private static BusinessException insufficient(long skuId) {
        return new BusinessException(StockError.STOCK_INSUFFICIENT, Map.of("skuId", Long.toString(skuId)), skuId);
    }

    /** The order was paid: its reserved units become sold. Repeats do nothing; a released order cannot be confirmed. */
    public Reservation confirm(String orderNo) {
        return transaction.execute(status -> {
            Reservation reservation = existing(orderNo);
            if (reservation == null) {
                throw new BusinessException(StockError.RESERVATION_NOT_FOUND, orderNo);
            }
            if (StockReservation.RELEASED.equals(reservation.status())) {
                throw new BusinessException(StockError.RESERVATION_RELEASED, orderNo);
            }
            settleConfirmed(reservation);
            return existing(orderNo);
        });
    }

    /**
     * For a paid order's event: confirms its reservation, or answers false when there is none to confirm (never
     * reserved here, or already released). Refuses without throwing, so the listener's transaction stays good.
     */
    public boolean confirmIfReserved(String orderNo) {
        return Boolean.TRUE.equals(transaction.execute(status -> {
            Reservation reservation = existing(orderNo);
            if (reservation == null || StockReservation.RELEASED.equals(reservation.status())) {
                return false;
            }
            settleConfirmed(reservation);
            return true;
        }));
    }

    private void settleConfirmed(Reservation reservation) {
        Instant now = clock.instant();
        for (StockLine line : reservation.lines()) {
            if (stock.settle(reservation.orderNo(), line.skuId(), StockReservation.CONFIRMED, now) == 1) {
                stock.confirm(line.skuId(), line.quantity(), now);
            }
        }
    }

    /** The order was cancelled: its reserved units go back on sale, once however often this is called. */
    public Reservation release(String orderNo) {
        List<StockLine> restored = new ArrayList<>();
        Reservation result = transaction.execute(status -> {
            Reservation reservation = existing(orderNo);
            if (reservation == null) {
                return new Reservation(orderNo, StockReservation.RELEASED, List.of());
            }
            Instant now = clock.instant();
            for (StockLine line : reservation.lines()) {
                if (stock.settle(orderNo, line.skuId(), StockReservation.RELEASED, now) == 1) {
                    stock.release(line.skuId(), line.quantity(), now);
                    restored.add(line);
                }
            }
            return existing(orderNo);
        });
        redis.restore(restored);
        return result;
    }

    /**
     * Refunded units that never left the warehouse go back on sale. Called once per refund (the caller deduplicates
     * the refund event); a line that would take sold below zero is skipped and logged.
     */
    public void returnUnshipped(String refundNo, List<StockLine> lines) {
        List<StockLine> returned = new ArrayList<>();
        transaction.executeWithoutResult(status -> {
            Instant now = clock.instant();
            for (StockLine line : merged(lines)) {
                if (stock.returnSold(line.skuId(), line.quantity(), now) == 1) {
                    returned.add(line);
                } else {
                    log.error("Refund {} returns {} of SKU {} but fewer were sold; skipped", refundNo, line.quantity(), line.skuId());
                }
            }
            AfterCommit.run(() -> redis.restore(returned));
        });
    }

    /** A merchant's correction (a count, a delivery, breakage), logged with its reason. */
    public int adjust(long spuId, long skuId, int delta, String reason, Long operatorId) {
        SkuFacts fact = catalog.factsOf(List.of(skuId)).get(skuId);
        if (fact == null || fact.spuId() != spuId) {
            throw new BusinessException(StockError.SKU_NOT_FOUND, Map.of("skuId", Long.toString(skuId)), skuId);
        }
        Integer after = transaction.execute(status -> {
            Instant now = clock.instant();
            if (stock.adjust(skuId, delta, now) == 0) {
                throw new BusinessException(StockError.STOCK_WOULD_BE_NEGATIVE, skuId);
            }
            int available = stock.available(skuId);
            stock.logAdjustment(IdWorker.getId(), skuId, delta, available, reason, operatorId, now);
            if (delta < 0) {
                warnIfLow(fact, -delta);
            }
            AfterCommit.run(() -> redis.restore(List.of(new StockLine(skuId, delta))));
            return available;
        });
        return after;
    }

    /** Available units per SKU, from Redis where loaded, else from MySQL. */
    public Map<Long, Integer> available(List<Long> skuIds) {
        Map<Long, Integer> result = new HashMap<>(redis.read(skuIds));
        List<Long> missing = skuIds.stream().filter(id -> !result.containsKey(id)).toList();
        if (!missing.isEmpty()) {
            // loaded into Redis as a reserve would load them (unless one did meanwhile): a product shown but never
            // bought read MySQL on every view, a fifth of the cost of a product page
            stock.findAll(missing).forEach(s -> {
                result.put(s.skuId(), s.available());
                redis.load(s.skuId(), s.available());
            });
        }
        return result;
    }

    public List<SkuStock> stockOf(List<Long> skuIds) {
        return skuIds.isEmpty() ? List.of() : stock.findAll(skuIds);
    }

    // --- units reserved by order attempts that made no live order are released (see AbandonedHolds) ----------------

    @Override
    public String hold() {
        return "stock";
    }

    @Override
    public List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return stock.reservedBefore(before, afterOrderNo, limit);
    }

    @Override
    public void giveBack(String orderNo) {
        release(orderNo);
    }

    /** A SKU at or under its low-stock threshold, with what the merchant needs to restock it. */
    public record LowStockSku(Long skuId, Long spuId, String productName, String productStatus, Map<String, String> specs,
                              int available, int reserved, int threshold) {}

    /** SKUs at or under their low-stock threshold, emptiest first. */
    public IPage<LowStockSku> lowStock(PageQuery page) {
        return stock.lowStock(page.toPage()).convert(row -> new LowStockSku(row.skuId(), row.spuId(), row.productName(),
                row.productStatus(), specs(row.specs()), row.available(), row.reserved(), row.threshold()));
    }

    private Map<String, String> specs(String text) {
        try {
            return json.readValue(text, new TypeReference<LinkedHashMap<String, String>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("sku.specs is not a JSON object: " + text, e);
        }
    }
}
