package com.siyumall.common.security;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.Set;
import java.util.regex.Pattern;

/**
 * Accepts a validly signed token only when it is shaped exactly as {@link AccessTokenIssuer} issues it: a {@code role}
 * we know, a numeric subject, a numeric {@code storeId} and session id if any. Anything else is 401 like a bad signature — not a 500
 * from code further on that trusts the claims.
 */
public final class IssuedTokenShape implements OAuth2TokenValidator<Jwt> {
    private static final Set<String> ROLES = Set.of(Role.SHOPPER.name(), Role.MERCHANT.name(), Role.MERCHANT_OPERATOR.name(),
            Role.GUIDE.name());
    private static final Pattern DIGITS = Pattern.compile("[1-9][0-9]{0,18}");
    private static final OAuth2TokenValidatorResult MISSHAPEN =
            OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "Not a token this mall issued", null));

    @Override
    public OAuth2TokenValidatorResult validate(Jwt jwt) {
        Object role = jwt.getClaims().get("role");
        Object storeId = jwt.getClaims().get("storeId");
        Object name = jwt.getClaims().get("name");
        Object sessionId = jwt.getClaims().get(AccessTokenIssuer.SESSION_CLAIM);
        Object issuedAtMillis = jwt.getClaims().get(AccessTokenIssuer.ISSUED_AT_MILLIS_CLAIM);
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
