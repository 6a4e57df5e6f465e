package com.siyumall.member.guide;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.member.auth.NewPassword;
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
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

/** Merchants manage guide accounts; creating, disabling and moving them is account management (role MERCHANT only). */
@RestController
@Tag(name = "Guides (merchant)")
class GuideAdminController {
    private final GuideService guides;

    GuideAdminController(GuideService guides) {
        this.guides = guides;
    }

    record NewGuide(@NotBlank @Size(min = 3, max = 64) @Pattern(regexp = "[A-Za-z0-9_.-]+") String username,
                    @NotBlank @NewPassword String password,
                    @NotBlank @Size(max = 64) String name,
                    @Size(max = 20) @Pattern(regexp = "[0-9+\\- ]*") String phone,
                    @NotNull Long storeId) {}

    record MoveGuide(@NotNull Long storeId) {}

    record GuideView(Long guideId, String username, String name, String phone, Long storeId, String status,
                     Instant lastLoginAt, Instant createdAt) {
        static GuideView of(Guide guide) {
            return new GuideView(guide.getId(), guide.getUsername(), guide.getName(), guide.getPhone(), guide.getStoreId(),
                    guide.getStatus().name(), guide.getLastLoginAt(), guide.getCreatedAt());
        }
    }

    @GetMapping("/admin/guides")
    @Operation(summary = "Guides, newest first, optionally of one store; keyword a part of the username or name")
    PageResult<GuideView> list(@Valid PageQuery page, @RequestParam(required = false) Long storeId,
                               @RequestParam(required = false) @Size(max = 64) String keyword) {
        return PageResult.of(guides.page(page, storeId, keyword), GuideView::of);
    }

    @GetMapping("/admin/guides/{guideId}")
    GuideView get(@PathVariable long guideId) {
        return GuideView.of(guides.get(guideId));
    }

    @PostMapping("/admin/guides")
    @Idempotent(value = "guide.create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a guide account in an operating store (MERCHANT)")
    GuideView create(@Valid @RequestBody NewGuide request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return GuideView.of(guides.hire(request.username(), request.password(), request.name(), request.phone(), request.storeId()));
    }

    @PostMapping("/admin/guides/{guideId}/disable")
    @Operation(summary = "Disable a guide: no more logins, refresh tokens revoked (MERCHANT). Hand their customers over separately.")
    GuideView disable(@PathVariable long guideId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return GuideView.of(guides.disable(guideId));
    }

    @PostMapping("/admin/guides/{guideId}/enable")
    GuideView enable(@PathVariable long guideId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return GuideView.of(guides.enable(guideId));
    }

    @PostMapping("/admin/guides/{guideId}/move")
    @Operation(summary = "Move a guide to another operating store (MERCHANT)")
    GuideView move(@PathVariable long guideId, @Valid @RequestBody MoveGuide request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return GuideView.of(guides.move(guideId, request.storeId()));
    }
}
