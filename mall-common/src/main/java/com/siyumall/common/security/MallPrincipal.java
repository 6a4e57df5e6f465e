package com.siyumall.common.security;

/**
 * The authenticated caller: a member (SHOPPER), a merchant account, a guide (with the store they belong to), or another
 * service. Ownership checks compare resources against {@link #id()}, never against ids sent in a request body.
 */
public record MallPrincipal(long id, Role role, Long storeId, String name) {

    public boolean is(Role expected) {
        return role == expected;
    }
}
