package com.siyumall.promotion.firstpurchase;

import com.siyumall.common.saga.AbandonedHolds;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.util.List;

/** First-purchase claims still HELD by order attempts that made no live order are released, so the member is a first buyer again (see {@link AbandonedHolds}). */
@Component
class AbandonedFirstPurchaseClaims extends AbandonedHolds {
    private final FirstPurchaseMapper rows;
    private final FirstPurchases owner;

    AbandonedFirstPurchaseClaims(FirstPurchaseMapper rows, FirstPurchases owner) {
        super("first-purchase");
        this.rows = rows;
        this.owner = owner;
    }

    @Override
    protected List<String> heldBefore(Instant before, String afterOrderNo, int limit) {
        return rows.claimsHeldBefore(before, afterOrderNo, limit);
    }

    @Override
    protected void release(String orderNo) {
        owner.release(orderNo);
    }
}
