package com.siyumall.member.auth;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.security.Role;

import java.time.Instant;

/**
 * One opaque refresh token, kept only as its SHA-256. Each use rotates it (ACTIVE → ROTATED, a successor in the same
 * family); presenting a token that is no longer ACTIVE means it leaked, so the whole family is revoked.
 */
@TableName("refresh_token")
class RefreshToken {
    enum Status { ACTIVE, ROTATED, REVOKED }

    private Long id;
    private String tokenHash;
    private Long familyId;
    private Role subjectRole;
    private Long subjectId;
    private Status status;
    private Instant expiresAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    static RefreshToken issue(String tokenHash, long familyId, Role role, long subjectId, Instant expiresAt) {
        RefreshToken token = new RefreshToken();
        token.tokenHash = tokenHash;
        token.familyId = familyId;
        token.subjectRole = role;
        token.subjectId = subjectId;
        token.status = Status.ACTIVE;
        token.expiresAt = expiresAt;
        return token;
    }

    /** A token that was already used or revoked being shown again: the sign of a stolen token. */
    boolean isReplayed() {
        return status != Status.ACTIVE;
    }

    boolean isExpired(Instant now) {
        return !expiresAt.isAfter(now);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getTokenHash() { return tokenHash; }
    public void setTokenHash(String tokenHash) { this.tokenHash = tokenHash; }
    public Long getFamilyId() { return familyId; }
    public void setFamilyId(Long familyId) { this.familyId = familyId; }
    public Role getSubjectRole() { return subjectRole; }
    public void setSubjectRole(Role subjectRole) { this.subjectRole = subjectRole; }
    public Long getSubjectId() { return subjectId; }
    public void setSubjectId(Long subjectId) { this.subjectId = subjectId; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getExpiresAt() { return expiresAt; }
    public void setExpiresAt(Instant expiresAt) { this.expiresAt = expiresAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
