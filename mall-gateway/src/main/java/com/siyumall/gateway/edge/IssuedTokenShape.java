package com.siyumall.gateway.edge;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * The edge's copy of mall-common's {@code IssuedTokenShape} (the gateway is reactive and carries none of mall-common's
 * servlet stack): a validly signed token passes only when shaped as member-service issues it — a known {@code role},
 * a numeric subject, a numeric {@code storeId} if any. Anything else is 401, never a 500.
 */
final class IssuedTokenShape implements OAuth2TokenValidator<Jwt> {
    static final Set<String> ROLES = Set.of("SHOPPER", "MERCHANT", "MERCHANT_OPERATOR", "GUIDE");
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
    private static final OAuth2TokenValidatorResult MISSHAPEN =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Not a token this mall issued", null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object role = jwt.getClaims().get("role");
        Object storeId = jwt.getClaims().get("storeId");
        Object name = jwt.getClaims().get("name");
        Object sessionId = jwt.getClaims().get("sessionId");
        Object issuedAtMillis = jwt.getClaims().get("issuedAtMillis");
        boolean wellFormed = role instanceof String r && ROLES.contains(r)
                && jwt.getSubject() != null && isId(jwt.getSubject())
                && (storeId == null || storeId instanceof String s && isId(s))
                && (name == null || name instanceof String)
                && (sessionId == null || sessionId instanceof String id && isId(id))
                && (issuedAtMillis == null || issuedAtMillis instanceof Number);
        return wellFormed ? OAuth2TokenValidatorResult.success() : MISSHAPEN;
    }

    /** A positive id that fits a long, as every id of the mall does. */
    private static boolean isId(String value) {
        if (value == null || !DIGITS.matcher(value).matches()) {
            return false;
        }
        try {
            Long.parseLong(value);
            return true;
        } catch (NumberFormatException tooLarge) {
            return false;
        }
    }
}
