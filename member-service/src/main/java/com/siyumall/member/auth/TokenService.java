package com.siyumall.member.auth;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.security.AccessTokenIssuer;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.security.SessionRevocations;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Optional;

/**
 * Access and refresh tokens for every kind of account. Access tokens are short-lived RS256 JWTs anyone can verify with
 * the public key; refresh tokens are random, stored hashed, and rotate on every use.
 */
@Service
public class TokenService {
    private static final Logger log = LoggerFactory.getLogger(TokenService.class);
    private static final SecureRandom RANDOM = new SecureRandom();

    private final AccessTokenIssuer issuer;
    private final RefreshTokenMapper refreshTokens;
    // resolved per refresh: the account services that implement it also issue tokens through this service
    private final ObjectProvider<TokenSubjects> subjects;
    private final TransactionTemplate transaction;
    private final Clock clock;
    private final Duration refreshTtl;
    private final AccessRevocations revocations;

    TokenService(AccessTokenIssuer issuer, RefreshTokenMapper refreshTokens, ObjectProvider<TokenSubjects> subjects,
                 TransactionTemplate transaction, Clock clock,
                 @Value("${siyumall.auth.refresh-token-ttl:30d}") Duration refreshTtl, AccessRevocations revocations) {
        this.revocations = revocations;
        this.issuer = issuer;
        this.refreshTokens = refreshTokens;
        this.subjects = subjects;
        this.transaction = transaction;
        this.clock = clock;
        this.refreshTtl = refreshTtl;
    }

    /** Tokens of a fresh login: a new refresh-token family. Joins the caller's transaction when there is one. */
    public IssuedTokens issue(MallPrincipal principal) {
        return issueInFamily(principal, IdWorker.getId());
    }

    private IssuedTokens issueInFamily(MallPrincipal principal, long familyId) {
        String refresh = newOpaqueToken();
        refreshTokens.insert(RefreshToken.issue(sha256(refresh), familyId, principal.role(), principal.id(),
                clock.instant().plus(refreshTtl)));
        AccessTokenIssuer.IssuedToken access = issuer.issue(principal, familyId);
        return new IssuedTokens(access.value(), refresh, access.expiresInSeconds(), principal);
    }

    /**
     * Trades a refresh token for a new pair. A token seen twice (replayed after rotation, or two racing uses) revokes
     * its whole family: whoever holds a copy, thief or owner, must log in again.
     */
    public IssuedTokens refresh(String refreshToken, Realm realm) {
        RefreshOutcome outcome = transaction.execute(status -> rotate(sha256(refreshToken), realm));
        if (outcome.tokens() == null) {
            throw new BusinessException(outcome.error());
        }
        return outcome.tokens();
    }

    private RefreshOutcome rotate(String hash, Realm realm) {
        Instant now = clock.instant();
        RefreshToken token = refreshTokens.findByHash(hash);
        // another realm's token is refused as unknown, and left as it is: presenting it in the wrong place uses nothing
        if (token == null || token.isExpired(now) || !realm.admits(token.getSubjectRole())) {
            return RefreshOutcome.failed(AuthError.REFRESH_TOKEN_INVALID);
        }
        if (token.isReplayed() || refreshTokens.markRotated(token.getId(), now) == 0) {
            int revoked = refreshTokens.revokeFamily(token.getFamilyId(), now);
            log.warn("Refresh token of {} {} presented again after use; revoked {} token(s) of its family",
                    token.getSubjectRole(), token.getSubjectId(), revoked);
            return RefreshOutcome.failed(AuthError.REFRESH_TOKEN_REUSED);
        }
        Optional<MallPrincipal> principal = currentPrincipal(token.getSubjectRole(), token.getSubjectId());
        if (principal.isEmpty()) {
            refreshTokens.revokeFamily(token.getFamilyId(), now);
            return RefreshOutcome.failed(AuthError.REFRESH_TOKEN_INVALID);
        }
        return new RefreshOutcome(issueInFamily(principal.get(), token.getFamilyId()), null);
    }

    private Optional<MallPrincipal> currentPrincipal(Role role, long id) {
        return subjects.orderedStream().filter(s -> s.roles().contains(role)).findFirst()
                .flatMap(s -> s.activePrincipal(role, id));
    }

    /**
     * Logout: the token's family can no longer be refreshed, and the access tokens of that login stop working within
     * seconds. Unknown tokens, and another realm's, are ignored (logging out twice is fine).
     */
    @Transactional
    public void revoke(String refreshToken, Realm realm) {
        RefreshToken token = refreshTokens.findByHash(sha256(refreshToken));
        if (token != null && realm.admits(token.getSubjectRole())) {
            refreshTokens.revokeFamily(token.getFamilyId(), clock.instant());
            revocations.revoke(SessionRevocations.session(token.getFamilyId()));
        }
    }

    /** Every token of an account, refresh and access, for example when it is disabled. */
    @Transactional
    public int revokeAll(Role role, long subjectId) {
        voidAccessTokens(role, subjectId);
        return refreshTokens.revokeSubject(role.name(), subjectId, clock.instant());
    }

    /**
     * The account's access tokens stop working within seconds (a guide moved to another store); its refresh tokens
     * still work, and the next refresh issues a token that says what the account is now.
     */
    public void voidAccessTokens(Role role, long subjectId) {
        revocations.revoke(SessionRevocations.subject(role, subjectId));
    }

    private record RefreshOutcome(IssuedTokens tokens, AuthError error) {
        static RefreshOutcome failed(AuthError error) {
            return new RefreshOutcome(null, error);
        }
    }

    private static String newOpaqueToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
