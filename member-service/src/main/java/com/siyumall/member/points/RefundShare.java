package com.siyumall.member.points;

/**
 * How much of what an order gave (points earned, growth, points it used) a refund takes back: the refunded fraction
 * of the paid amount, rounded down, never more than is left; a refund of the whole order takes everything left, so
 * partial refunds followed by the last one add up exactly.
 */
public final class RefundShare {
    private RefundShare() {}

    public static long of(long given, long alreadyBack, long refundAmount, long paidAmount, boolean wholeOrder) {
        long left = given - alreadyBack;
        if (wholeOrder || paidAmount <= 0) {
            return left;
        }
        return Math.min(left, given * Math.min(refundAmount, paidAmount) / paidAmount);
    }
}
