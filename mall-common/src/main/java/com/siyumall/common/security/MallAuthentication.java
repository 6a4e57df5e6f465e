package com.siyumall.common.security;

import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;

import java.util.List;

/** An authenticated {@link MallPrincipal}, from a verified access token or internal call token. */
public class MallAuthentication extends AbstractAuthenticationToken {
    private final MallPrincipal principal;
    private final String token;

    public MallAuthentication(MallPrincipal principal, String token) {
        super(List.of(new SimpleGrantedAuthority(principal.role().authority())));
        this.principal = principal;
        this.token = token;
        setAuthenticated(true);
    }

    @Override
    public Object getCredentials() {
        return token;
    }

    @Override
    public MallPrincipal getPrincipal() {
        return principal;
    }
}
