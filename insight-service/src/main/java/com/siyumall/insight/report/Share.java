package com.siyumall.insight.report;

/** How reports state a share: a fraction to four decimals (0.1234 = 12.34 %), 0 when there is nothing to divide by. */
public final class Share {
    private Share() {}

    public static double of(long part, long whole) {
        return whole == 0 ? 0 : Math.round(part * 10_000.0 / whole) / 10_000.0;
    }
}
