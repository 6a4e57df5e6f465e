package com.siyumall.member.member;

import com.siyumall.common.error.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** What other services may ask about a member (service token only). */
@RestController
@Tag(name = "Internal")
class InternalMemberController {
    private final MemberProfiles profiles;

    InternalMemberController(MemberProfiles profiles) {
        this.profiles = profiles;
    }

    record WechatIdentity(Long memberId, String appId, String openid) {}

    record FacesRequest(@NotNull @Size(max = 100) List<@NotNull Long> memberIds) {}

    @PostMapping("/internal/members/faces")
    @Operation(summary = "How members may be shown to strangers (masked nickname, avatar), in the order asked")
    List<Member.PublicFace> faces(@Valid @RequestBody FacesRequest request) {
        return profiles.faces(request.memberIds());
    }

    @GetMapping("/internal/members/{memberId}/wechat-identity")
    @Operation(summary = "The member's openid in a mini-program (default: the main one), for WeChat Pay's payer")
    WechatIdentity wechatIdentity(@PathVariable long memberId, @RequestParam(required = false) String appId) {
        String openid = profiles.openid(memberId, appId)
                .orElseThrow(() -> new BusinessException(MemberError.MEMBER_NOT_FOUND, memberId));
        return new WechatIdentity(memberId, appId, openid);
    }
}
