package com.siyumall.member.auth;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** A password account's holder changing its password: the current one proves it is them. */
public record PasswordChangeRequest(@NotBlank @Size(max = 128) String currentPassword, @NotBlank @NewPassword String newPassword) {}
