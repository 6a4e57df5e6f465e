package com.siyumall.common.testsupport;

import com.siyumall.common.security.AccessTokenIssuer;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.MallSecurityProperties;
import com.siyumall.common.security.Role;
import com.siyumall.devstack.DevStack;
import com.siyumall.devstack.DevStackExtension;
import com.siyumall.devstack.wechat.PayCrypto;

import java.security.KeyPair;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;

/** Access tokens for tests, signed with the dev stack's key the services trust (or deliberately not). */
public final class TestTokens {
    private TestTokens() {}

    public static String shopper(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null), Clock.systemUTC(), null);
    }

    public static String merchant(long accountId) {
        return issue(new MallPrincipal(accountId, Role.MERCHANT, null, "merchant"), Clock.systemUTC(), null);
    }

    public static String guide(long guideId, long storeId) {
        return issue(new MallPrincipal(guideId, Role.GUIDE, storeId, "guide"), Clock.systemUTC(), null);
    }

    /** A shopper token that expired an hour ago. */
    public static String expiredShopper(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null),
                Clock.fixed(Instant.now().minus(Duration.ofHours(2)), ZoneOffset.UTC), null);
    }

    /** A well-formed shopper token signed by a key the mall does not trust. */
    public static String shopperSignedByAnotherKey(long memberId) {
        return issue(new MallPrincipal(memberId, Role.SHOPPER, null, null), Clock.systemUTC(), PayCrypto.newRsaKeyPair());
    }

    private static String issue(MallPrincipal principal, Clock clock, KeyPair otherKeys) {
        DevStackExtension.prepare();
        KeyPair keys = otherKeys != null ? otherKeys : DevStack.get().jwtKeys();
        MallSecurityProperties.Jwt jwt = new MallSecurityProperties.Jwt();
        jwt.setPublicKey(PayCrypto.pemPublicKey(keys.getPublic()));
        jwt.setPrivateKey(PayCrypto.pemPrivateKey(keys.getPrivate()));
        return new AccessTokenIssuer(jwt, clock).issue(principal).value();
    }
}
