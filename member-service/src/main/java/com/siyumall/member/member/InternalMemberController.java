package com.siyumall.member.member;

import com.siyumall.common.error.BusinessException;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** What other services may ask about a member (service token only). */
@RestController
@Tag(name = "Internal")
class InternalMemberController {
    private final MemberProfiles profiles;

    InternalMemberController(MemberProfiles profiles) {
        this.profiles = profiles;
    }

    record WechatIdentity(Long memberId, String appId, String openid) {}

    @GetMapping("/internal/members/{memberId}/wechat-identity")
    @Operation(summary = "The member's openid in a mini-program (default: the main one), for WeChat Pay's payer")
    WechatIdentity wechatIdentity(@PathVariable long memberId, @RequestParam(required = false) String appId) {
        String openid = profiles.openid(memberId, appId)
                .orElseThrow(() -> new BusinessException(MemberError.MEMBER_NOT_FOUND, memberId));
        return new WechatIdentity(memberId, appId, openid);
    }
}
