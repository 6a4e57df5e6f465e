package com.siyumall.common.web;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import io.micrometer.core.instrument.MeterRegistry;

import java.time.Duration;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Admission control for one hot operation: at most {@code permits} run at once (sized to what they hold — database
 * connections, calls to other services); a request waits at most {@code maxWait} for a place (less when its caller's
 * {@link RequestDeadline} is nearer), then gets a fast 503
 * {@code BUSY} with Retry-After instead of queueing past the gateway's timeout while its work goes on. Counted in
 * {@code mall.admission.refused{operation}}.
 */
public final class Admission {
    private final String operation;
    private final Semaphore permits;
    private final Duration maxWait;
    private final MeterRegistry metrics;

    public Admission(String operation, int permits, Duration maxWait, MeterRegistry metrics) {
        this.operation = operation;
        this.permits = new Semaphore(permits, true);
        this.maxWait = maxWait;
        this.metrics = metrics;
    }

    public <T> T call(Supplier<T> work) {
        boolean admitted;
        try {
            admitted = permits.tryAcquire(RequestDeadline.forWait(maxWait).toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            admitted = false;
        }
        if (!admitted) {
            metrics.counter("mall.admission.refused", "operation", operation).increment();
            throw new BusinessException(CommonError.BUSY);
        }
        try {
            return work.get();
        } finally {
            permits.release();
        }
    }
}
