package com.siyumall.member.auth;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;

import java.time.Instant;

/**
 * What every username-and-password account has (merchant console, guide workspace): the BCrypt hash and the lock
 * bookkeeping {@link PasswordLogins} keeps in the account's own table.
 */
public abstract class PasswordAccount {
    private Long id;
    private String username;
    private String passwordHash;
    private Integer failedAttempts;
    private Instant lockedUntil;
    private Instant lastLoginAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    protected PasswordAccount() {}

    protected PasswordAccount(String username, String passwordHash) {
        this.username = username;
        this.passwordHash = passwordHash;
        this.failedAttempts = 0;
    }

    /** Enabled: a right password lets it in. */
    public abstract boolean canLogIn();

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getUsername() { return username; }
    public void setUsername(String username) { this.username = username; }
    public String getPasswordHash() { return passwordHash; }
    public void setPasswordHash(String passwordHash) { this.passwordHash = passwordHash; }
    public Integer getFailedAttempts() { return failedAttempts; }
    public void setFailedAttempts(Integer failedAttempts) { this.failedAttempts = failedAttempts; }
    public Instant getLockedUntil() { return lockedUntil; }
    public void setLockedUntil(Instant lockedUntil) { this.lockedUntil = lockedUntil; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
