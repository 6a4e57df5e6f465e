package com.siyumall.member.subscription;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.ErrorCode;
import com.siyumall.member.member.MemberProfiles;
import com.siyumall.member.wechat.WechatAccounts;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Subscription messages: a member's acceptances in the mini-program, and sends that each use one. A send is claimed
 * once per (member, cause) before anything else, so a redelivered event never sends twice; without an unused
 * acceptance nothing is sent (SKIPPED); when WeChat does not take it the acceptance is given back (FAILED).
 */
@Service
public class SubscriptionMessages {
    private final SubscriptionMapper subscriptions;
    private final MemberProfiles members;
    private final WechatAccounts wechat;
    private final Clock clock;

    SubscriptionMessages(SubscriptionMapper subscriptions, MemberProfiles members, WechatAccounts wechat, Clock clock) {
        this.subscriptions = subscriptions;
        this.members = members;
        this.wechat = wechat;
        this.clock = clock;
    }

    enum SubscriptionError implements ErrorCode {
        UNKNOWN_TEMPLATE(HttpStatus.UNPROCESSABLE_ENTITY),
        TEMPLATE_TAKEN(HttpStatus.CONFLICT),
        SEGMENT_TOO_LARGE(HttpStatus.UNPROCESSABLE_ENTITY);

        private final HttpStatus status;

        SubscriptionError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    public enum Outcome { SENT, SKIPPED, FAILED, DUPLICATE, NOT_CONFIGURED }

    /** Records one acceptance per template id (the same id twice means two sends allowed, as WeChat counts them). */
    @Transactional
    public List<SubscriptionMapper.Unused> accept(long memberId, List<String> templateIds) {
        Set<String> known = subscriptions.templates().stream().map(SubscriptionMapper.Template::templateId).collect(Collectors.toSet());
        for (String templateId : templateIds) {
            if (!known.contains(templateId)) {
                throw new BusinessException(SubscriptionError.UNKNOWN_TEMPLATE, templateId);
            }
        }
        Instant now = clock.instant();
        templateIds.forEach(templateId -> subscriptions.accept(IdWorker.getId(), memberId, templateId, now));
        return subscriptions.unused(memberId);
    }

    public List<SubscriptionMapper.Unused> unused(long memberId) {
        return subscriptions.unused(memberId);
    }

    /** Sends the message of {@code kind} for {@code cause} to the member, at most once and only with an acceptance. */
    @Transactional
    public Outcome send(long memberId, MessageKind kind, String cause, Map<String, String> data) {
        SubscriptionMapper.Template template = subscriptions.template(kind.name());
        if (template == null || !template.enabled()) {
            return Outcome.NOT_CONFIGURED;
        }
        Instant now = clock.instant();
        long sendId = IdWorker.getId();
        if (subscriptions.claim(sendId, memberId, template.templateId(), cause, now) == 0) {
            return Outcome.DUPLICATE;
        }
        Optional<String> openid = members.openid(memberId, null);
        if (openid.isEmpty() || subscriptions.use(memberId, template.templateId(), cause, now) == 0) {
            subscriptions.settle(sendId, Outcome.SKIPPED.name(), null);
            return Outcome.SKIPPED;
        }
        int errcode = wechat.sendSubscribeMessage(openid.get(), template.templateId(), template.page(), data);
        if (errcode != 0) {
            subscriptions.giveBack(memberId, cause);
            subscriptions.settle(sendId, Outcome.FAILED.name(), errcode);
            return Outcome.FAILED;
        }
        subscriptions.settle(sendId, Outcome.SENT.name(), null);
        return Outcome.SENT;
    }

    public List<SubscriptionMapper.Template> templates() {
        return subscriptions.templates();
    }

    public List<SubscriptionMapper.Template> setTemplate(MessageKind kind, String templateId, String page, boolean enabled) {
        try {
            subscriptions.setTemplate(kind.name(), templateId, page, enabled, clock.instant());
        } catch (DuplicateKeyException e) {
            throw new BusinessException(SubscriptionError.TEMPLATE_TAKEN, templateId);
        }
        return subscriptions.templates();
    }
}
