package com.siyumall.common.web;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

import java.io.IOException;

/** Starts the request's {@link RequestDeadline} from the caller's {@code X-Request-Timeout-Ms}. */
public class RequestDeadlineFilter extends OncePerRequestFilter {

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        RequestDeadline.begin(request.getHeader(RequestDeadline.HEADER));
        try {
            chain.doFilter(request, response);
        } finally {
            RequestDeadline.end();
        }
    }
}
