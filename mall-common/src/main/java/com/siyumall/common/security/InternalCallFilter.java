package com.siyumall.common.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Authenticates {@code /internal/**} calls by their internal token; anything else there stays anonymous (and gets 401). */
public class InternalCallFilter extends OncePerRequestFilter {
    private final InternalCallTokens tokens;

    public InternalCallFilter(InternalCallTokens tokens) {
        this.tokens = tokens;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !request.getRequestURI().startsWith("/internal/");
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        tokens.verify(request.getHeader(InternalCallTokens.HEADER)).ifPresent(service ->
                SecurityContextHolder.getContext().setAuthentication(
                        new MallAuthentication(new MallPrincipal(0, Role.SERVICE, null, service), null)));
        chain.doFilter(request, response);
    }
}
