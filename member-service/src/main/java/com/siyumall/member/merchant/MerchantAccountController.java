package com.siyumall.member.merchant;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.member.auth.NewPassword;
import com.siyumall.member.auth.PasswordChangeRequest;
import com.siyumall.member.auth.PasswordLoginRequest;
import com.siyumall.member.auth.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Merchant console login, and account management (role MERCHANT only; operators get 403). */
@RestController
@Tag(name = "Merchant accounts")
class MerchantAccountController {
    private final MerchantAccountService accounts;

    MerchantAccountController(MerchantAccountService accounts) {
        this.accounts = accounts;
    }

    record NewAccount(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String username,
                      @NotBlank @NewPassword String password,
                      @NotBlank @Size(max = 64) String displayName,
                      @NotNull Role role) {}

    record AccountView(Long accountId, String username, String displayName, String role, String status,
                       Instant lastLoginAt, Instant createdAt) {
        static AccountView of(MerchantAccount account) {
            return new AccountView(account.getId(), account.getUsername(), account.getDisplayName(), account.getRole().name(),
                    account.getStatus().name(), account.getLastLoginAt(), account.getCreatedAt());
        }
    }

    @PostMapping("/admin/auth/login")
    @Operation(summary = "Merchant console login (public); five wrong passwords lock the account for 15 minutes")
    TokenResponse login(@Valid @RequestBody PasswordLoginRequest request) {
        return TokenResponse.of(accounts.logIn(request.username(), request.password()), false);
    }

    @PutMapping("/admin/auth/password")
    @Operation(summary = "Change the calling merchant account's password: every session of the account ends (all devices, "
            + "within seconds) and this answer is the caller's new token pair. A wrong current password counts towards the lock.")
    TokenResponse changePassword(@Valid @RequestBody PasswordChangeRequest change) {
        return TokenResponse.of(accounts.changePassword(CurrentPrincipal.get().id(), change.currentPassword(), change.newPassword()), false);
    }

    @GetMapping("/admin/accounts")
    PageResult<AccountView> list(@Valid PageQuery page) {
        CurrentPrincipal.require(Role.MERCHANT);
        return PageResult.of(accounts.page(page), AccountView::of);
    }

    @PostMapping("/admin/accounts")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Open a merchant account with role MERCHANT or MERCHANT_OPERATOR")
    AccountView create(@Valid @RequestBody NewAccount request) {
        MallPrincipal me = CurrentPrincipal.require(Role.MERCHANT);
        if (!MerchantAccount.ROLES.contains(request.role())) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "role");
        }
        return AccountView.of(accounts.open(request.username(), request.password(), request.displayName(), request.role(), me.id()));
    }

    @PostMapping("/admin/accounts/{accountId}/disable")
    @Operation(summary = "Disable an account and revoke its refresh tokens")
    AccountView disable(@PathVariable long accountId) {
        MallPrincipal me = CurrentPrincipal.require(Role.MERCHANT);
        return AccountView.of(accounts.disable(accountId, me.id()));
    }

    @PostMapping("/admin/accounts/{accountId}/enable")
    AccountView enable(@PathVariable long accountId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return AccountView.of(accounts.enable(accountId));
    }
}
