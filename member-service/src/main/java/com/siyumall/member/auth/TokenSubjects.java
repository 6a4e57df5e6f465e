package com.siyumall.member.auth;

import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;

import java.util.Optional;
import java.util.Set;

/**
 * Who a refresh token may still speak for. Each kind of account answers for its roles, so a refresh re-reads the
 * account: a disabled guide gets no new access token, and a guide moved to another store gets the new store in it.
 */
public interface TokenSubjects {

    Set<Role> roles();

    /** The principal as it stands now, or empty when the account may no longer log in. */
    Optional<MallPrincipal> activePrincipal(Role role, long id);
}
