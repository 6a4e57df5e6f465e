package com.siyumall.order.refund;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * The safety net under WeChat Pay's refund notifications: a refund still PROCESSING after
 * {@code siyumall.refund.reconcile-after} (default 2 min) is sent again if it never reached WeChat Pay, or its result is
 * fetched and booked. A refund is never left waiting on a notification that was lost.
 */
@Component
class RefundReconciler {
    private static final Logger log = LoggerFactory.getLogger(RefundReconciler.class);
    private static final int BATCH = 100;

    private final RefundMapper refunds;
    private final RefundService service;
    private final Clock clock;
    private final Duration reconcileAfter;

    RefundReconciler(RefundMapper refunds, RefundService service, Clock clock,
                     @Value("${siyumall.refund.reconcile-after:2m}") Duration reconcileAfter) {
        this.refunds = refunds;
        this.service = service;
        this.clock = clock;
        this.reconcileAfter = reconcileAfter;
    }

    @Scheduled(fixedDelayString = "${siyumall.refund.reconcile-every:1m}", initialDelayString = "${siyumall.refund.reconcile-every:1m}")
    void reconcileStuck() {
        reconcileUpdatedBefore(reconcileAfter);
    }

    /** Reconciles the PROCESSING refunds not touched for {@code quietFor}; returns how many were looked at. */
    int reconcileUpdatedBefore(Duration quietFor) {
        List<Refund> stuck = refunds.processingSince(clock.instant().minus(quietFor), BATCH);
        for (Refund refund : stuck) {
            try {
                service.reconcile(refund);
            } catch (RuntimeException e) {
                log.error("Refund {} could not be reconciled", refund.getRefundNo(), e);
            }
        }
        return stuck.size();
    }
}
