package com.siyumall.member.guide;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.member.auth.PasswordChangeRequest;
import com.siyumall.member.auth.PasswordLoginRequest;
import com.siyumall.member.auth.TokenResponse;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Guide workspace")
class GuideAuthController {
    private final GuideService guides;

    GuideAuthController(GuideService guides) {
        this.guides = guides;
    }

    @PostMapping("/guide/auth/login")
    @Operation(summary = "Guide login (public); five wrong passwords lock the account for 15 minutes")
    TokenResponse login(@Valid @RequestBody PasswordLoginRequest request) {
        return TokenResponse.of(guides.logIn(request.username(), request.password()), false);
    }

    @PutMapping("/guide/auth/password")
    @Operation(summary = "Change the calling guide's password: every session of theirs ends; this answer is the new token pair")
    TokenResponse changePassword(@Valid @RequestBody PasswordChangeRequest change) {
        return TokenResponse.of(guides.changePassword(CurrentPrincipal.get().id(), change.currentPassword(), change.newPassword()), false);
    }
}
