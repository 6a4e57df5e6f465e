package com.siyumall.common.security;

/** Who is calling. SERVICE is another SiyuMall service on {@code /internal/**}. */
public enum Role {
    SHOPPER, MERCHANT, MERCHANT_OPERATOR, GUIDE, SERVICE;

    public String authority() {
        return "ROLE_" + name();
    }
}
