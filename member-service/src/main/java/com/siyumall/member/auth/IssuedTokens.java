package com.siyumall.member.auth;

import com.siyumall.common.security.MallPrincipal;

/** An access token with its lifetime in seconds, the refresh token that renews it, and who they speak for. */
public record IssuedTokens(String accessToken, String refreshToken, long expiresIn, MallPrincipal principal) {}
