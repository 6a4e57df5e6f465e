package com.siyumall.common.security;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;

import java.util.Optional;

/** The one way code asks who is calling. */
public final class CurrentPrincipal {
    private CurrentPrincipal() {}

    public static Optional<MallPrincipal> find() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof MallPrincipal principal) {
            return Optional.of(principal);
        }
        return Optional.empty();
    }

    public static MallPrincipal get() {
        return find().orElseThrow(() -> new BusinessException(CommonError.UNAUTHENTICATED));
    }

    /** The calling member's id; 403 for anyone who is not a shopper. */
    public static long memberId() {
        return require(Role.SHOPPER).id();
    }

    public static MallPrincipal require(Role role) {
        MallPrincipal principal = get();
        if (!principal.is(role)) {
            throw new BusinessException(CommonError.FORBIDDEN);
        }
        return principal;
    }
}
