package com.siyumall.member.auth;

import com.siyumall.common.security.Role;

/**
 * What every login and refresh answers: {@code memberId} and {@code newMember} for shoppers, {@code accountId} and
 * {@code storeId} for merchant accounts and guides.
 */
public record TokenResponse(String accessToken, String refreshToken, long expiresIn, String tokenType, String role,
                            Long memberId, Boolean newMember, Long accountId, Long storeId) {

    public static TokenResponse of(IssuedTokens tokens, boolean newMember) {
        boolean shopper = tokens.principal().role() == Role.SHOPPER;
        return new TokenResponse(tokens.accessToken(), tokens.refreshToken(), tokens.expiresIn(), "Bearer",
                tokens.principal().role().name(),
                shopper ? tokens.principal().id() : null,
                shopper ? newMember : null,
                shopper ? null : tokens.principal().id(),
                tokens.principal().storeId());
    }
}
