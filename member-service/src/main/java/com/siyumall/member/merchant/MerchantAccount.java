package com.siyumall.member.merchant;

import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.security.Role;
import com.siyumall.member.auth.PasswordAccount;

import java.util.Set;

/** An account of the merchant console: MERCHANT manages everything including accounts, MERCHANT_OPERATOR all but accounts. */
@TableName("merchant_account")
public class MerchantAccount extends PasswordAccount {
    public static final Set<Role> ROLES = Set.of(Role.MERCHANT, Role.MERCHANT_OPERATOR);

    public enum Status { ACTIVE, DISABLED }

    private String displayName;
    private Role role;
    private Status status;
    private Long createdBy;

    public MerchantAccount() {}

    private MerchantAccount(String username, String passwordHash, String displayName, Role role, Long createdBy) {
        super(username, passwordHash);
        if (!ROLES.contains(role)) {
            throw new IllegalArgumentException("Not a merchant role: " + role);
        }
        this.displayName = displayName;
        this.role = role;
        this.status = Status.ACTIVE;
        this.createdBy = createdBy;
    }

    static MerchantAccount open(String username, String passwordHash, String displayName, Role role, Long createdBy) {
        return new MerchantAccount(username, passwordHash, displayName, role, createdBy);
    }

    public boolean isActive() {
        return status == Status.ACTIVE;
    }

    @Override
    public boolean canLogIn() {
        return isActive();
    }

    public String getDisplayName() { return displayName; }
    public void setDisplayName(String displayName) { this.displayName = displayName; }
    public Role getRole() { return role; }
    public void setRole(Role role) { this.role = role; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
}
