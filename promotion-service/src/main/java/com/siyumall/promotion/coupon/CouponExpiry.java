package com.siyumall.promotion.coupon;

import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * The coupon clock: unused coupons past their end become EXPIRED, and each owner hears once (CouponExpiring) when an
 * unused coupon ends within a day. Runs every few minutes; each reminder is claimed by a guarded update, so two
 * instances running it at once still remind once.
 */
@Component
public class CouponExpiry {
    private static final Logger log = LoggerFactory.getLogger(CouponExpiry.class);
    private static final Duration REMIND_BEFORE = Duration.ofDays(1);
    private static final int BATCH = 500;

    private final CouponMapper coupons;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    CouponExpiry(CouponMapper coupons, EventPublisher events, TransactionTemplate transaction, Clock clock) {
        this.coupons = coupons;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Pass(int expired, int reminded) {}

    @Scheduled(fixedDelayString = "${siyumall.coupons.expiry-every:5m}", initialDelayString = "${siyumall.coupons.expiry-every:5m}")
    void scheduled() {
        Pass pass = run();
        if (pass.expired() + pass.reminded() > 0) {
            log.info("Coupon clock: {} expired, {} owners reminded", pass.expired(), pass.reminded());
        }
    }

    public Pass run() {
        Instant now = clock.instant();
        int expired = 0;
        int batch;
        do {
            batch = coupons.expire(now, BATCH);
            expired += batch;
        } while (batch == BATCH);
        int reminded = 0;
        List<Coupon> expiring;
        do {
            expiring = coupons.expiringUnreminded(now, now.plus(REMIND_BEFORE), BATCH);
            for (Coupon coupon : expiring) {
                Boolean sent = transaction.execute(status -> {
                    if (coupons.markReminded(coupon.id(), now) == 0) {
                        return false;
                    }
                    CouponTemplate template = coupons.selectById(coupon.templateId());
                    events.publish(Topics.PROMOTION_EVENTS, new CouponExpiring(coupon.id(), coupon.memberId(), coupon.templateId(),
                            template == null ? "" : template.getName(), coupon.validTo()));
                    return true;
                });
                reminded += Boolean.TRUE.equals(sent) ? 1 : 0;
            }
        } while (expiring.size() == BATCH);
        return new Pass(expired, reminded);
    }
}
