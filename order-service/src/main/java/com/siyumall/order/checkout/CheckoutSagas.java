package com.siyumall.order.checkout;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.web.PageQuery;
import com.siyumall.order.clients.Benefits;
import com.siyumall.order.clients.ProductClient;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The durable side of checkout: a saga row per order attempt, written before anything is taken; completed with its
 * order; otherwise compensated — at once when a step fails, by {@link #recover()} when the process died or the undo
 * failed. An undo that fails is retried with backoff until it succeeds, visible in {@code mall.sagas.unfinished{status}}
 * and at {@code GET /admin/ops/sagas}.
 *
 * <p>When a step's answer was lost (a timeout, a 5xx), the step may still commit at its owner after the immediate undo
 * ran; the saga then stays COMPENSATING and is undone once more after {@code settle-after}, when any such step has long
 * finished. Definite refusals (a 4xx) need no second pass.
 */
@Service
public class CheckoutSagas {
    private static final Logger log = LoggerFactory.getLogger(CheckoutSagas.class);
    /** How long a recoverer holds a due saga: longer than an undo's calls can take (5 s each). */
    private static final Duration CLAIM = Duration.ofMinutes(1);

    private final CheckoutSagaMapper sagas;
    private final ProductClient products;
    private final Benefits benefits;
    private final Clock clock;
    private final Duration deadline;
    private final Duration settleAfter;
    private final Map<String, Long> unfinished = new ConcurrentHashMap<>();

    CheckoutSagas(CheckoutSagaMapper sagas, ProductClient products, Benefits benefits, Clock clock, MeterRegistry metrics,
                  @Value("${siyumall.checkout.saga-deadline:60s}") Duration deadline,
                  @Value("${siyumall.checkout.settle-after:30s}") Duration settleAfter) {
        this.sagas = sagas;
        this.products = products;
        this.benefits = benefits;
        this.clock = clock;
        this.deadline = deadline;
        this.settleAfter = settleAfter;
        for (CheckoutSaga.Status status : List.of(CheckoutSaga.Status.STARTED, CheckoutSaga.Status.COMPENSATING)) {
            Gauge.builder("mall.sagas.unfinished", unfinished, u -> u.getOrDefault(status.name(), 0L))
                    .tag("saga", "checkout").tag("status", status.name()).register(metrics);
        }
    }

    /** Writes the saga (committed on its own, before any step) under the submit's Idempotency-Key and returns it. */
    /** A started attempt, or the order an earlier attempt under the same key placed (then {@code saga} is null). */
    record Start(CheckoutSaga saga, String placedBefore) {}

    /**
     * Starts the attempt under its Idempotency-Key. The key is unique per member in {@code checkout_saga}, so the
     * common case — a first attempt — costs one insert; only when an earlier attempt holds the key is it read
     * ({@link #placedUnder}).
     */
    Start start(String orderNo, long memberId, String idempotencyKey, boolean takesSeat, Long couponId) {
        CheckoutSaga saga = CheckoutSaga.start(orderNo, memberId, takesSeat, couponId, clock.instant(), deadline);
        try {
            sagas.insert(saga, idempotencyKey);
            return new Start(saga, null);
        } catch (DuplicateKeyException keyTaken) {
            Optional<String> placed = placedUnder(memberId, idempotencyKey);
            if (placed.isPresent()) {
                return new Start(null, placed.get());
            }
            sagas.insert(saga, idempotencyKey);
            return new Start(saga, null);
        }
    }

    /**
     * What an earlier submit under this key reached, when its request died before its answer was kept (the key's lease
     * ran out and this retry took it over): the order it placed, or empty to place one now. An attempt still running or
     * being undone answers 503 BUSY (retry shortly); a compensated one gives its key up for this retry.
     */
    private Optional<String> placedUnder(long memberId, String idempotencyKey) {
        CheckoutSaga earlier = sagas.ofKey(memberId, idempotencyKey);
        if (earlier == null) {
            return Optional.empty();
        }
        return switch (earlier.status()) {
            case COMPLETED -> Optional.of(earlier.orderNo());
            case STARTED, COMPENSATING -> throw new BusinessException(CommonError.BUSY);
            case COMPENSATED -> {
                sagas.releaseKey(earlier.orderNo(), clock.instant());
                yield Optional.empty();
            }
        };
    }

    /**
     * Records what the quote adds to the saga before those steps run; refuses (503 BUSY) when the recovery job has begun
     * undoing the attempt because it ran past its deadline.
     */
    CheckoutSaga priced(CheckoutSaga saga, Quote quote) {
        CheckoutSaga priced = saga.priced(quote);
        // most orders take no seat, claim and points: their recorded plan is already complete (one UPDATE less per order)
        if (priced.plansMoreThan(saga) && sagas.plan(priced, clock.instant()) == 0) {
            throw new BusinessException(CommonError.BUSY);
        }
        return priced;
    }

    /**
     * Marks the saga done, inside the transaction that writes its order; refuses (503 BUSY, the order is not written)
     * when the recovery job has begun undoing it because the attempt ran past its deadline.
     */
    void complete(String orderNo) {
        if (sagas.complete(orderNo, clock.instant()) == 0) {
            throw new BusinessException(CommonError.BUSY);
        }
    }

    /**
     * A step failed: give back everything the saga may have taken. Never throws; what fails is retried later. When the
     * first step (the stock) was refused outright, nothing was taken and nobody is asked.
     */
    void compensate(CheckoutSaga saga, RuntimeException cause, boolean anythingTaken) {
        Instant now = clock.instant();
        boolean definite = cause instanceof BusinessException refusal && refusal.errorCode().status().is4xxClientError();
        if (!anythingTaken && definite) {
            sagas.refusedBeforeTaking(saga.orderNo(), now);
            return;
        }
        if (sagas.compensating(saga.orderNo(), now) == 0) {
            return; // completed meanwhile (cannot be, the order was not written) or compensated by recovery
        }
        undo(saga, definite);
    }

    /** Every saga left STARTED past its deadline (a dead process) or COMPENSATING and due: undone. */
    @Scheduled(fixedDelayString = "${siyumall.checkout.recover-every:10s}", initialDelayString = "${siyumall.checkout.recover-first-after:5s}")
    public void recover() {
        try {
            recoverDue();
        } catch (RuntimeException e) {
            log.warn("Checkout saga recovery could not finish (database unreachable?); the next round will: {}", e.toString());
        }
    }

    private void recoverDue() {
        Instant now = clock.instant();
        for (CheckoutSaga saga : sagas.due(now, 200)) {
            if (sagas.claimDue(saga.orderNo(), now, now.plus(CLAIM)) == 1) {
                if (saga.status() == CheckoutSaga.Status.STARTED) {
                    log.warn("Checkout saga {} was left unfinished (since {}); compensating it", saga.orderNo(), saga.createdAt());
                }
                // a saga found STARTED may have a step still running at its owner only if it outlived its deadline by
                // less than a call's timeout; the deadline is far longer, so this undo is the last one needed
                undo(saga, true);
            }
        }
        Map<String, Long> counts = new ConcurrentHashMap<>();
        sagas.unfinishedCounts().forEach(row -> counts.put((String) row.get("status"), ((Number) row.get("n")).longValue()));
        unfinished.clear();
        unfinished.putAll(counts);
    }

    private void undo(CheckoutSaga saga, boolean lastPass) {
        String orderNo = saga.orderNo();
        try {
            if (saga.points() > 0) {
                benefits.releasePoints(saga.memberId(), saga.points(), orderNo);
            }
            if (saga.couponId() != null) {
                benefits.unlockCoupon(saga.memberId(), saga.couponId(), orderNo);
            }
            if (saga.firstPurchase()) {
                benefits.releaseFirstPurchase(orderNo);
            }
            if (saga.takesSeat()) {
                benefits.releaseGroupBuySeat(orderNo);
            }
            products.release(orderNo);
        } catch (RuntimeException failure) {
            Instant now = clock.instant();
            log.warn("Undoing checkout saga {} failed (attempt {}); retrying later: {}", orderNo, saga.attempts() + 1, failure.toString());
            sagas.retryAt(orderNo, 1, now.plus(CheckoutSaga.backoff(saga.attempts())), truncate(failure.toString()), now);
            return;
        }
        Instant now = clock.instant();
        if (lastPass) {
            sagas.compensated(orderNo, now);
        } else {
            sagas.retryAt(orderNo, 0, now.plus(settleAfter), null, now);
        }
    }

    private static String truncate(String text) {
        return text.length() <= 1000 ? text : text.substring(0, 1000);
    }

    public IPage<CheckoutSaga> page(CheckoutSaga.Status status, PageQuery page) {
        return sagas.page(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), status == null ? null : status.name());
    }

    public List<OrderAttempt> attempts(List<String> orderNos) {
        return sagas.attempts(orderNos);
    }

    public CheckoutSaga find(String orderNo) {
        return sagas.find(orderNo);
    }
}
