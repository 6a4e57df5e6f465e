package com.siyumall.order.checkout;

/** The merchant's delivery charge: a flat fee, nothing from the threshold up; picking up in a store costs nothing. */
public record FreightRule(Long flatFee, Long freeThreshold) {

    long freightFor(long itemsAmount, boolean pickup) {
        if (pickup || (freeThreshold != null && itemsAmount >= freeThreshold)) {
            return 0;
        }
        return flatFee;
    }
}
