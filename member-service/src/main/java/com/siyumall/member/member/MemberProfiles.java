package com.siyumall.member.member;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.member.auth.TokenSubjects;
import com.siyumall.member.binding.GuideBinding;
import com.siyumall.member.binding.GuideBindingService;
import com.siyumall.member.wechat.WechatAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.Optional;
import java.util.Set;

/** A member's own profile: read, edit, bind a phone. Always the calling member's; there is no "by id" for shoppers. */
@Service
public class MemberProfiles implements TokenSubjects {
    private final MemberMapper members;
    private final GuideBindingService bindings;
    private final WechatAccounts wechat;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    MemberProfiles(MemberMapper members, GuideBindingService bindings, WechatAccounts wechat, EventPublisher events,
                   TransactionTemplate transaction, Clock clock) {
        this.members = members;
        this.bindings = bindings;
        this.wechat = wechat;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Profile(Member member, Optional<GuideBinding> guide) {}

    @Override
    public Set<Role> roles() {
        return Set.of(Role.SHOPPER);
    }

    @Override
    public Optional<MallPrincipal> activePrincipal(Role role, long id) {
        return Optional.ofNullable(members.selectById(id)).map(m -> new MallPrincipal(m.getId(), Role.SHOPPER, null, null));
    }

    public Profile of(long memberId) {
        Member member = members.selectById(memberId);
        if (member == null) {
            throw new BusinessException(MemberError.MEMBER_NOT_FOUND, memberId);
        }
        return new Profile(member, bindings.of(memberId));
    }

    /** The member's openid in a mini-program of the brand (the main one when {@code appId} is null), for WeChat Pay. */
    /** The public faces of these members, in the order asked; an unknown id shows as a plain WeChat user. */
    public List<Member.PublicFace> faces(List<Long> memberIds) {
        Map<Long, Member> known = memberIds.isEmpty() ? Map.of()
                : members.selectBatchIds(memberIds).stream().collect(Collectors.toMap(Member::getId, m -> m));
        return memberIds.stream().map(id -> known.containsKey(id) ? known.get(id).publicFace() : new Member.PublicFace("微信用户", null))
                .toList();
    }

    public Optional<String> openid(long memberId, String appId) {
        return Optional.ofNullable(members.openidOf(memberId, appId == null || appId.isBlank() ? wechat.mainAppId() : appId));
    }

    public Profile update(long memberId, String nickname, String avatarUrl, Member.Gender gender, LocalDate birthday) {
        transaction.executeWithoutResult(status -> {
            Member member = of(memberId).member();
            member.describe(nickname, avatarUrl, gender, birthday);
            if (members.updateById(member) == 0) {
                throw new BusinessException(CommonError.CONFLICT);
            }
        });
        return of(memberId);
    }

    /** Binds the phone behind a WeChat phone code; a number another member holds is refused. */
    public Profile bindPhone(long memberId, String phoneCode) {
        String phone = wechat.phoneNumber(phoneCode);
        try {
            transaction.executeWithoutResult(status -> {
                Member member = of(memberId).member();
                if (phone.equals(member.getPhone())) {
                    return;
                }
                Long holder = members.idByPhone(phone);
                if (holder != null && holder != memberId) {
                    throw new BusinessException(MemberError.PHONE_IN_USE);
                }
                Instant now = clock.instant();
                boolean first = member.bindPhone(phone, now);
                if (members.updateById(member) == 0) {
                    throw new BusinessException(CommonError.CONFLICT);
                }
                events.publish(Topics.MEMBER_EVENTS, new MemberPhoneBound(memberId, first, now));
            });
        } catch (DuplicateKeyException e) {
            throw new BusinessException(MemberError.PHONE_IN_USE);
        }
        return of(memberId);
    }
}
