package com.siyumall.member.auth;

import com.siyumall.common.error.BusinessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * The rule of password accounts: BCrypt hashes, and five wrong passwords in a row lock the account for 15 minutes.
 * Failures are counted by one conditional UPDATE, so parallel guesses all count and none slips past the lock.
 */
@Component
public class PasswordLogins {
    public static final int MAX_FAILURES = 5;
    public static final Duration LOCK_DURATION = Duration.ofMinutes(15);

    /** The tables that hold password accounts; each has failed_attempts, locked_until and last_login_at. */
    public enum AccountTable {
        MERCHANT_ACCOUNT("merchant_account"), GUIDE("guide");

        private final String table;

        AccountTable(String table) {
            this.table = table;
        }
    }

    private final PasswordEncoder encoder = new BCryptPasswordEncoder();
    // compared against when the username is unknown, so both answers take as long
    private final String unknownAccountHash = encoder.encode("no such account");
    private final JdbcTemplate jdbc;
    private final Clock clock;

    PasswordLogins(JdbcTemplate jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    public String hash(String rawPassword) {
        return encoder.encode(rawPassword);
    }

    /** Passes when {@code rawPassword} opens {@code account}; otherwise throws the reason, counting a wrong password. */
    public void verify(AccountTable table, PasswordAccount account, String rawPassword) {
        // BCrypt reads at most 72 bytes and refuses more: such a password opens nothing (no account was given one)
        boolean readable = NewPassword.Rule.fits(rawPassword);
        if (account == null) {
            encoder.matches(readable ? rawPassword : "", unknownAccountHash);
            throw new BusinessException(AuthError.BAD_CREDENTIALS);
        }
        Instant now = clock.instant();
        if (account.getLockedUntil() != null && account.getLockedUntil().isAfter(now)) {
            throw locked(account.getLockedUntil());
        }
        if (!readable || !encoder.matches(rawPassword, account.getPasswordHash())) {
            Instant lockUntil = now.plus(LOCK_DURATION);
            jdbc.update("UPDATE " + table.table + " SET "
                            + "locked_until = IF(failed_attempts + 1 >= ?, ?, locked_until), "
                            + "failed_attempts = IF(failed_attempts + 1 >= ?, 0, failed_attempts + 1) "
                            + "WHERE id = ? AND (locked_until IS NULL OR locked_until <= ?)",
                    MAX_FAILURES, Timestamp.from(lockUntil), MAX_FAILURES, account.getId(), Timestamp.from(now));
            throw new BusinessException(AuthError.BAD_CREDENTIALS);
        }
        if (!account.canLogIn()) {
            throw new BusinessException(AuthError.ACCOUNT_DISABLED);
        }
        jdbc.update("UPDATE " + table.table + " SET failed_attempts = 0, locked_until = NULL, last_login_at = ? WHERE id = ?",
                Timestamp.from(now), account.getId());
    }

    /**
     * Sets a new password on an account whose holder proved the current one (a wrong one counts towards the lock like
     * a failed login). The caller voids the account's sessions.
     */
    public void changePassword(AccountTable table, PasswordAccount account, String currentPassword, String newPassword) {
        verify(table, account, currentPassword);
        jdbc.update("UPDATE " + table.table + " SET password_hash = ? WHERE id = ?", encoder.encode(newPassword), account.getId());
    }

    private static BusinessException locked(Instant until) {
        return new BusinessException(AuthError.ACCOUNT_LOCKED, Map.of("lockedUntil", until.toString()), until.toString());
    }
}
