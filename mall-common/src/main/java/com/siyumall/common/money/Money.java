package com.siyumall.common.money;

import java.math.BigDecimal;

/** Money is kept in fen (long) everywhere; this is the one place it becomes yuan text for people to read. */
public final class Money {
    private Money() {}

    /** 12345 → "123.45"; -5 → "-0.05". */
    public static String yuan(long fen) {
        return BigDecimal.valueOf(fen, 2).toPlainString();
    }
}
