package com.siyumall.common.persistence;

/**
 * A shopper's or merchant's search text as the literal it is inside a LIKE pattern: {@code %} and {@code _} would
 * otherwise match anything ({@code keyword=%} listed every product). MySQL's LIKE escapes with a backslash.
 */
public final class LikeText {
    private LikeText() {}

    public static String literal(String text) {
        StringBuilder escaped = new StringBuilder(text.length() + 4);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\\' || c == '%' || c == '_') {
                escaped.append('\\');
            }
            escaped.append(c);
        }
        return escaped.toString();
    }
}
