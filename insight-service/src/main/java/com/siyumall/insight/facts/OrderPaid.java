package com.siyumall.insight.facts;

import java.time.Instant;
import java.util.List;

/** order-service's OrderPaid, as insight reads it; {@code attribution} is absent from orders paid before it was stamped. */
record OrderPaid(String orderNo, long memberId, long payAmount, Instant paidAt, Long couponId, List<Line> lines, Attribution attribution) {
    record Line(long skuId, long spuId, int quantity, long amount) {}

    /** What brought the order, stamped by order-service at submit. */
    record Attribution(Long guideId, Long storeId, Long sharerId, Integer scene, String channel) {
        static final Attribution NONE = new Attribution(null, null, null, null, null);
    }

    Attribution attributed() {
        return attribution != null ? attribution : Attribution.NONE;
    }
}
