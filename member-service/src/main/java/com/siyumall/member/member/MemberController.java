package com.siyumall.member.member;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.member.auth.TokenResponse;
import com.siyumall.member.binding.GuideBinding;
import com.siyumall.member.growth.GrowthService;
import com.siyumall.member.points.PointsService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.time.LocalDate;

/** The shopper's login and own profile. Who is asking comes from the token; ids in the body never decide whose data. */
@RestController
@Tag(name = "Members")
class MemberController {
    private final WechatLogins logins;
    private final MemberProfiles profiles;
    private final PointsService points;
    private final GrowthService growth;

    MemberController(WechatLogins logins, MemberProfiles profiles, PointsService points, GrowthService growth) {
        this.logins = logins;
        this.profiles = profiles;
        this.points = points;
        this.growth = growth;
    }

    /**
     * What WeChat's codes look like (and the sandbox's demo-… codes): they go into WeChat's URL, so nothing that could
     * end or extend it — {@code &}, {@code #}, quotes, spaces, control characters — is ever sent on.
     */
    static final String WECHAT_CODE = "[A-Za-z0-9._-]+";

    record WechatLoginRequest(@NotBlank @Size(max = 128) @Pattern(regexp = WECHAT_CODE) String code,
                              @Min(1000) @Max(9999) Integer scene,
                              @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9_.:-]*") String channel,
                              Long inviterId,
                              Long storeId,
                              Long guideId,
                              @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_-]*") String appId) {}

    record PhoneRequest(@NotBlank @Size(max = 128) @Pattern(regexp = WECHAT_CODE) String code) {}

    record ProfileUpdate(@Size(min = 1, max = 64) String nickname,
                         @Size(max = 512) @Pattern(regexp = "https?://.+") String avatarUrl,
                         Member.Gender gender,
                         @Past LocalDate birthday) {}

    record Source(String appId, Integer scene, String channel, Long inviterId, Long storeId, Long guideId) {}

    record MemberView(Long memberId, String nickname, String avatarUrl, String gender, LocalDate birthday, String phone,
                      String levelCode, String levelName, long growthValue, long points, Instant registeredAt,
                      Instant firstPaidAt, Long guideId, Long storeId, Source source) {
        static MemberView of(MemberProfiles.Profile profile, long points, String levelName) {
            Member m = profile.member();
            return new MemberView(m.getId(), m.getNickname(), m.getAvatarUrl(), m.getGender().name(), m.getBirthday(),
                    m.getPhone(), m.getLevelCode(), levelName, m.getGrowthValue(), points, m.getRegisteredAt(),
                    m.getFirstPaidAt(),
                    profile.guide().map(GuideBinding::getGuideId).orElse(null),
                    profile.guide().map(GuideBinding::getStoreId).orElse(null),
                    new Source(m.getSourceAppId(), m.getSourceScene(), m.getSourceChannel(), m.getSourceInviterId(),
                            m.getSourceStoreId(), m.getSourceGuideId()));
        }
    }

    @PostMapping("/api/auth/wechat-login")
    @Operation(summary = "Log in with a wx.login code (public). The first login registers the member with its source; "
            + "a guide's QR scene (guideId) binds the member to that guide.")
    TokenResponse login(@Valid @RequestBody WechatLoginRequest request) {
        WechatLogins.Login login = logins.logIn(request.appId(), request.code(), new Touch(request.scene(), request.channel(),
                request.inviterId(), request.storeId(), request.guideId()));
        return TokenResponse.of(login.tokens(), login.newMember());
    }

    @GetMapping("/api/members/me")
    @Operation(summary = "The calling member")
    MemberView me() {
        long memberId = CurrentPrincipal.memberId();
        return view(profiles.of(memberId));
    }

    @PatchMapping("/api/members/me")
    @Operation(summary = "Change nickname, avatar, gender; set the birthday (once)")
    MemberView update(@Valid @RequestBody ProfileUpdate request) {
        long memberId = CurrentPrincipal.memberId();
        return view(profiles.update(memberId, request.nickname(), request.avatarUrl(), request.gender(), request.birthday()));
    }

    @PostMapping("/api/members/me/phone")
    @Operation(summary = "Bind the phone number behind a getPhoneNumber code")
    MemberView bindPhone(@Valid @RequestBody PhoneRequest request) {
        long memberId = CurrentPrincipal.memberId();
        return view(profiles.bindPhone(memberId, request.code()));
    }

    private MemberView view(MemberProfiles.Profile profile) {
        Member member = profile.member();
        return MemberView.of(profile, points.balance(member.getId()), growth.ladder().byCode(member.getLevelCode()).name());
    }
}
