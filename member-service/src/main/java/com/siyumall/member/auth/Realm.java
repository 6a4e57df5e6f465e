package com.siyumall.member.auth;

import com.siyumall.common.security.Role;

import java.util.Set;

/**
 * Where a kind of account signs in: shoppers at /api/auth, merchant accounts at /admin/auth, guides at /guide/auth.
 * A refresh token works only in the realm that issued it, so a shopper's token cannot be traded at /admin/auth/refresh.
 */
enum Realm {
    SHOPPERS(Set.of(Role.SHOPPER)),
    MERCHANTS(Set.of(Role.MERCHANT, Role.MERCHANT_OPERATOR)),
    GUIDES(Set.of(Role.GUIDE));

    private final Set<Role> roles;

    Realm(Set<Role> roles) {
        this.roles = roles;
    }

    /** The realm of a path under /api, /admin or /guide. */
    static Realm of(String path) {
        if (path.startsWith("/admin/")) {
            return MERCHANTS;
        }
        return path.startsWith("/guide/") ? GUIDES : SHOPPERS;
    }

    boolean admits(Role role) {
        return roles.contains(role);
    }
}
