package com.siyumall.member.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** The body of the merchant and guide logins. */
public record PasswordLoginRequest(@NotBlank @Size(max = 64) String username, @NotBlank @Size(max = 128) String password) {}
