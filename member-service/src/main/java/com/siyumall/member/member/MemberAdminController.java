package com.siyumall.member.member;

import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.member.binding.GuideBinding;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.points.PointsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** The merchant's members (MERCHANT and MERCHANT_OPERATOR, as every /admin read). */
@RestController
@Tag(name = "Members (merchant)")
class MemberAdminController {
    private final MemberDirectory directory;
    private final MemberProfiles profiles;
    private final PointsService points;
    private final GrowthService growth;

    MemberAdminController(MemberDirectory directory, MemberProfiles profiles, PointsService points, GrowthService growth) {
        this.directory = directory;
        this.profiles = profiles;
        this.points = points;
        this.growth = growth;
    }

    /** A member's card as the merchant reads it: the profile the member sees, and how they buy and visit. */
    record MemberCard(Long memberId, String nickname, String avatarUrl, String gender, LocalDate birthday, String phone,
                      String levelCode, String levelName, long growthValue, long points, Instant registeredAt, Instant lastLoginAt,
                      Instant firstPaidAt, Instant lastPaidAt, int paidOrderCount, long paidAmount, Long guideId, Long storeId,
                      MemberController.Source source) {}

    @Schema(name = "AdminLedgerLine")
    record LedgerLine(long change, long balance, String type, String reason, String refId, Instant at) {}

    @GetMapping("/admin/members/{memberId}")
    @Operation(summary = "A member's card: profile, level, points balance, source, guide, paid orders and amount, last visit")
    MemberCard get(@PathVariable long memberId) {
        MemberProfiles.Profile profile = profiles.of(memberId);
        Member m = profile.member();
        return new MemberCard(m.getId(), m.getNickname(), m.getAvatarUrl(), m.getGender().name(), m.getBirthday(), m.getPhone(),
                m.getLevelCode(), growth.ladder().byCode(m.getLevelCode()).name(), m.getGrowthValue(), points.balance(memberId),
                m.getRegisteredAt(), m.getLastLoginAt(), m.getFirstPaidAt(), m.getLastPaidAt(),
                m.getPaidOrderCount() == null ? 0 : m.getPaidOrderCount(), m.getPaidAmount() == null ? 0 : m.getPaidAmount(),
                profile.guide().map(GuideBinding::getGuideId).orElse(null), profile.guide().map(GuideBinding::getStoreId).orElse(null),
                new MemberController.Source(m.getSourceAppId(), m.getSourceScene(), m.getSourceChannel(), m.getSourceInviterId(),
                        m.getSourceStoreId(), m.getSourceGuideId()));
    }

    @GetMapping("/admin/members/{memberId}/points-ledger")
    @Operation(summary = "A member's points ledger, newest first: change, balance after, reason, reference")
    PageResult<LedgerLine> ledger(@PathVariable long memberId, @Valid PageQuery page) {
        profiles.of(memberId);
        return PageResult.of(points.ledger(memberId, page), e ->
                new LedgerLine(e.pointsChange(), e.balanceAfter(), e.type(), e.reason(), e.refId(), e.createdAt()));
    }

    @GetMapping("/admin/members")
    @Operation(summary = "Members, newest first: keyword matches the phone's beginning or any part of the nickname; "
            + "level (a level code), tag and guideId (bound to that guide now) narrow the list")
    PageResult<MemberDirectory.MemberRow> search(@Valid PageQuery page,
                                                @RequestParam(required = false) @Size(min = 1, max = 32) String keyword,
                                                @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,16}") String level,
                                                @RequestParam(required = false) @Size(min = 1, max = 32) String tag,
                                                @RequestParam(required = false) Long guideId) {
        return PageResult.of(directory.search(page, new MemberDirectory.Filter(blankToNull(keyword), level, tag, guideId)),
                row -> row);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
