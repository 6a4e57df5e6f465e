package com.siyumall.insight.facts;

import java.time.Instant;

/** order-service's OrderPaid, as insight reads it. */
record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt, Long couponId) {
}
