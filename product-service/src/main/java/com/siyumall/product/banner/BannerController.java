package com.siyumall.product.banner;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Banners")
class BannerController {
    private static final String POSITION = "[A-Z][A-Z0-9_]{1,31}";

    private final BannerService banners;

    BannerController(BannerService banners) {
        this.banners = banners;
    }

    record BannerRequest(@NotBlank @Pattern(regexp = POSITION) String position,
                         @NotBlank @Size(max = 64) String title,
                         @NotBlank @Size(max = 512) @Pattern(regexp = "https?://.+") String imageUrl,
                         @NotNull Banner.LinkType linkType,
                         @NotBlank @Size(max = 256) String linkTarget,
                         @NotNull Instant startsAt,
                         @NotNull Instant endsAt,
                         @Min(0) @Max(100_000) Integer sortOrder,
                         @NotNull Audience audience,
                         @Min(1) @Max(3650) Integer newMemberDays,
                         @Min(0) @Max(1000) Integer minLevelRank,
                         @Size(max = 32) String segmentTag) {
        BannerService.Definition definition() {
            return new BannerService.Definition(position, title, imageUrl, linkType, linkTarget, startsAt, endsAt,
                    sortOrder == null ? 0 : sortOrder, audience, newMemberDays, minLevelRank, segmentTag);
        }
    }

    record BannerView(Long bannerId, String position, String title, String imageUrl, String linkType, String linkTarget) {
        static BannerView of(Banner b) {
            return new BannerView(b.getId(), b.getPosition(), b.getTitle(), b.getImageUrl(), b.getLinkType().name(), b.getLinkTarget());
        }
    }

    record AdminBannerView(Long bannerId, String position, String title, String imageUrl, String linkType, String linkTarget,
                           Instant startsAt, Instant endsAt, int sortOrder, String audience, Integer newMemberDays,
                           Integer minLevelRank, String segmentTag, String status, Instant createdAt, Instant updatedAt) {
        static AdminBannerView of(Banner b) {
            return new AdminBannerView(b.getId(), b.getPosition(), b.getTitle(), b.getImageUrl(), b.getLinkType().name(),
                    b.getLinkTarget(), b.getStartsAt(), b.getEndsAt(), b.getSortOrder(), b.getAudience().name(),
                    b.getNewMemberDays(), b.getMinLevelRank(), b.getSegmentTag(), b.getStatus().name(), b.getCreatedAt(),
                    b.getUpdatedAt());
        }
    }

    record Banners(List<BannerView> items) {}

    @GetMapping("/api/banners")
    @Operation(summary = "The banners of a position the caller may see now (token optional: without one, audience ALL only)")
    Banners visible(@RequestParam @Pattern(regexp = POSITION) String position) {
        Long memberId = CurrentPrincipal.find().filter(p -> p.is(Role.SHOPPER)).map(MallPrincipal::id).orElse(null);
        return new Banners(banners.visible(position, memberId).stream().map(BannerView::of).toList());
    }

    @GetMapping("/admin/banners")
    PageResult<AdminBannerView> list(@Valid PageQuery page, @RequestParam(required = false) @Pattern(regexp = POSITION) String position) {
        return PageResult.of(banners.page(page, position), AdminBannerView::of);
    }

    @PostMapping("/admin/banners")
    @Idempotent(value = "banner.create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Put a banner in a position for an audience: ALL, NEW_MEMBER (newMemberDays), FIRST_PURCHASE_ELIGIBLE, "
            + "LEVEL_AT_LEAST (minLevelRank), SEGMENT (segmentTag)")
    AdminBannerView create(@Valid @RequestBody BannerRequest request) {
        return AdminBannerView.of(banners.create(request.definition(), CurrentPrincipal.get().id()));
    }

    @PutMapping("/admin/banners/{bannerId}")
    AdminBannerView update(@PathVariable long bannerId, @Valid @RequestBody BannerRequest request) {
        return AdminBannerView.of(banners.update(bannerId, request.definition()));
    }

    @PostMapping("/admin/banners/{bannerId}/disable")
    AdminBannerView disable(@PathVariable long bannerId) {
        return AdminBannerView.of(banners.setStatus(bannerId, Banner.Status.DISABLED));
    }

    @PostMapping("/admin/banners/{bannerId}/enable")
    AdminBannerView enable(@PathVariable long bannerId) {
        return AdminBannerView.of(banners.setStatus(bannerId, Banner.Status.ACTIVE));
    }
}
