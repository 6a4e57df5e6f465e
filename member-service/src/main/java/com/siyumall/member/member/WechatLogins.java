package com.siyumall.member.member;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.member.auth.IssuedTokens;
import com.siyumall.member.auth.TokenService;
import com.siyumall.member.binding.GuideBinding;
import com.siyumall.member.binding.GuideBindingService;
import com.siyumall.member.guide.Guide;
import com.siyumall.member.guide.GuideService;
import com.siyumall.member.store.Store;
import com.siyumall.member.store.StoreService;
import com.siyumall.member.wechat.WechatAccounts;
import com.siyumall.member.wechat.WechatSession;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.PessimisticLockingFailureException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

/**
 * WeChat login. One WeChat user is one member: per mini-program by openid, across the brand's mini-programs by
 * unionid. Unique keys on both decide races — concurrent first logins all insert, one wins, the others retry and find it.
 */
@Service
public class WechatLogins {
    private static final Logger log = LoggerFactory.getLogger(WechatLogins.class);
    private static final int ATTEMPTS = 3;

    private final WechatAccounts wechat;
    private final MemberMapper members;
    private final StoreService stores;
    private final GuideService guides;
    private final GuideBindingService bindings;
    private final TokenService tokens;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final Clock clock;

    WechatLogins(WechatAccounts wechat, MemberMapper members, StoreService stores, GuideService guides,
                 GuideBindingService bindings, TokenService tokens, EventPublisher events, TransactionTemplate transaction,
                 Clock clock) {
        this.wechat = wechat;
        this.members = members;
        this.stores = stores;
        this.guides = guides;
        this.bindings = bindings;
        this.tokens = tokens;
        this.events = events;
        this.transaction = transaction;
        this.clock = clock;
    }

    public record Login(IssuedTokens tokens, boolean newMember) {}

    public Login logIn(String appId, String code, Touch claimed) {
        WechatSession session = wechat.session(appId, code);
        for (int attempt = 1; ; attempt++) {
            try {
                return transaction.execute(status -> logInOrRegister(session, claimed));
            } catch (DuplicateKeyException | PessimisticLockingFailureException e) {
                if (attempt == ATTEMPTS) {
                    throw e;
                }
                log.debug("Concurrent login of {} in {}; reading the winner's member", session.openId(), session.appId());
            }
        }
    }

    private Login logInOrRegister(WechatSession session, Touch claimed) {
        Instant now = clock.instant();
        Member member = existing(session, now);
        boolean newMember = member == null;
        Touch touch = verified(claimed, member == null ? null : member.getId());
        if (newMember) {
            member = Member.register(session.appId(), session.unionId(), touch, now);
            members.insert(member);
            members.insertIdentity(session.appId(), session.openId(), session.unionId(), member.getId(), now);
            events.publish(Topics.MEMBER_EVENTS, new MemberRegistered(member.getId(), now, session.appId(), touch.scene(),
                    touch.channel(), touch.inviterId(), touch.storeId(), touch.guideId()));
        } else {
            members.recordTouch(member.getId(), touch, now);
        }
        long loginId = IdWorker.getId();
        members.insertLogin(loginId, member.getId(), session.appId(), touch, newMember, now);
        events.publish(Topics.MEMBER_EVENTS, new MemberLoggedIn(loginId, member.getId(), now, session.appId(), touch.scene(),
                touch.channel(), newMember));
        if (touch.guideId() != null) {
            bindings.bindOnVisit(member.getId(), touch.guideId(), GuideBinding.Source.QR_SCAN);
        }
        return new Login(tokens.issue(new MallPrincipal(member.getId(), Role.SHOPPER, null, null)), newMember);
    }

    /** The member this WeChat user already is: by openid in this app, else by unionid from another app of the brand. */
    private Member existing(WechatSession session, Instant now) {
        Long memberId = members.memberIdByOpenid(session.appId(), session.openId());
        if (memberId != null) {
            Member member = members.selectById(memberId);
            if (session.unionId() != null && member.getUnionid() == null
                    && members.adoptUnionid(memberId, session.unionId(), now) == 0) {
                log.warn("Member {} cannot take unionid of {}: another member holds it; the two stay apart", memberId, session.openId());
            }
            return member;
        }
        if (session.unionId() == null) {
            return null;
        }
        Member member = members.findByUnionid(session.unionId());
        if (member != null) {
            members.insertIdentity(session.appId(), session.openId(), session.unionId(), member.getId(), now);
        }
        return member;
    }

    /** Keeps the ids of a touch that check out: an operating store, an active guide (whose store wins), a real inviter. */
    private Touch verified(Touch claimed, Long memberId) {
        Long guideId = null;
        Long storeId = claimed.storeId() == null ? null
                : stores.find(claimed.storeId()).filter(Store::isOperating).map(Store::getId).orElse(null);
        if (claimed.guideId() != null) {
            Optional<Guide> guide = guides.find(claimed.guideId()).filter(Guide::isActive);
            if (guide.isPresent()) {
                guideId = guide.get().getId();
                storeId = guide.get().getStoreId();
            }
        }
        Long inviterId = claimed.inviterId() == null || claimed.inviterId().equals(memberId)
                || members.selectById(claimed.inviterId()) == null ? null : claimed.inviterId();
        return new Touch(claimed.scene(), claimed.channel(), inviterId, storeId, guideId);
    }
}
