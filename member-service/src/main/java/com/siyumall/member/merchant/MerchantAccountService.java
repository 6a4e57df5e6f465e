package com.siyumall.member.merchant;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.PageQuery;
import com.siyumall.member.auth.IssuedTokens;
import com.siyumall.member.auth.PasswordLogins;
import com.siyumall.member.auth.TokenService;
import com.siyumall.member.auth.TokenSubjects;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;

@Service
public class MerchantAccountService implements TokenSubjects {
    private final MerchantAccountMapper accounts;
    private final PasswordLogins passwords;
    private final TokenService tokens;

    MerchantAccountService(MerchantAccountMapper accounts, PasswordLogins passwords, TokenService tokens) {
        this.accounts = accounts;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    public IssuedTokens logIn(String username, String password) {
        MerchantAccount account = accounts.findByUsername(username);
        passwords.verify(PasswordLogins.AccountTable.MERCHANT_ACCOUNT, account, password);
        return tokens.issue(principalOf(account));
    }

    /**
     * A new password for the caller's own account: every session of the account ends (refresh and access tokens, on
     * every device, within seconds) and the caller gets a fresh pair.
     */
    // a wrong current password is refused after its failed attempt is counted: that count must commit, not roll back
    @Transactional(noRollbackFor = BusinessException.class)
    public IssuedTokens changePassword(long accountId, String currentPassword, String newPassword) {
        MerchantAccount account = accounts.selectById(accountId);
        passwords.changePassword(PasswordLogins.AccountTable.MERCHANT_ACCOUNT, account, currentPassword, newPassword);
        tokens.revokeAll(account.getRole(), accountId);
        return tokens.issue(principalOf(account));
    }

    private static MallPrincipal principalOf(MerchantAccount account) {
        return new MallPrincipal(account.getId(), account.getRole(), null, account.getUsername());
    }

    @Override
    public Set<Role> roles() {
        return MerchantAccount.ROLES;
    }

    @Override
    public Optional<MallPrincipal> activePrincipal(Role role, long id) {
        return Optional.ofNullable(accounts.selectById(id)).filter(MerchantAccount::isActive)
                .map(MerchantAccountService::principalOf);
    }

    @Transactional
    public MerchantAccount open(String username, String password, String displayName, Role role, Long createdBy) {
        MerchantAccount account = MerchantAccount.open(username, passwords.hash(password), displayName, role, createdBy);
        try {
            accounts.insert(account);
        } catch (DuplicateKeyException e) {
            throw new BusinessException(MerchantError.USERNAME_TAKEN, username);
        }
        return account;
    }

    @Transactional
    public MerchantAccount disable(long accountId, long byAccountId) {
        if (accountId == byAccountId) {
            throw new BusinessException(MerchantError.CANNOT_DISABLE_SELF);
        }
        MerchantAccount account = get(accountId);
        account.setStatus(MerchantAccount.Status.DISABLED);
        accounts.updateById(account);
        tokens.revokeAll(account.getRole(), accountId);
        return account;
    }

    @Transactional
    public MerchantAccount enable(long accountId) {
        MerchantAccount account = get(accountId);
        account.setStatus(MerchantAccount.Status.ACTIVE);
        accounts.updateById(account);
        return account;
    }

    public MerchantAccount get(long accountId) {
        return Optional.ofNullable(accounts.selectById(accountId))
                .orElseThrow(() -> new BusinessException(MerchantError.MERCHANT_ACCOUNT_NOT_FOUND, accountId));
    }

    public Optional<MerchantAccount> findByUsername(String username) {
        return Optional.ofNullable(accounts.findByUsername(username));
    }

    public boolean noAccountsYet() {
        return accounts.selectCount(null) == 0;
    }

    public IPage<MerchantAccount> page(PageQuery page) {
        return accounts.selectPage(page.toPage(), new LambdaQueryWrapper<MerchantAccount>().orderByAsc(MerchantAccount::getId));
    }
}
