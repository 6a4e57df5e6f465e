package com.siyumall.member.guide;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.LikeText;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.PageQuery;
import com.siyumall.member.auth.IssuedTokens;
import com.siyumall.member.auth.PasswordLogins;
import com.siyumall.member.auth.TokenService;
import com.siyumall.member.auth.TokenSubjects;
import com.siyumall.member.store.StoreService;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.util.Optional;
import java.util.Set;

/** Guide accounts: hired into a store by a merchant, moved between stores, disabled when they leave. */
@Service
public class GuideService implements TokenSubjects {
    private final GuideMapper guides;
    private final StoreService stores;
    private final PasswordLogins passwords;
    private final TokenService tokens;

    GuideService(GuideMapper guides, StoreService stores, PasswordLogins passwords, TokenService tokens) {
        this.guides = guides;
        this.stores = stores;
        this.passwords = passwords;
        this.tokens = tokens;
    }

    public IssuedTokens logIn(String username, String password) {
        Guide guide = guides.findByUsername(username);
        passwords.verify(PasswordLogins.AccountTable.GUIDE, guide, password);
        return tokens.issue(principalOf(guide));
    }

    /** A new password for the calling guide: every session of theirs ends, and they get a fresh pair. */
    // a wrong current password is refused after its failed attempt is counted: that count must commit, not roll back
    @Transactional(noRollbackFor = BusinessException.class)
    public IssuedTokens changePassword(long guideId, String currentPassword, String newPassword) {
        Guide guide = guides.selectById(guideId);
        passwords.changePassword(PasswordLogins.AccountTable.GUIDE, guide, currentPassword, newPassword);
        tokens.revokeAll(Role.GUIDE, guideId);
        return tokens.issue(principalOf(guide));
    }

    private static MallPrincipal principalOf(Guide guide) {
        return new MallPrincipal(guide.getId(), Role.GUIDE, guide.getStoreId(), guide.getName());
    }

    @Override
    public Set<Role> roles() {
        return Set.of(Role.GUIDE);
    }

    @Override
    public Optional<MallPrincipal> activePrincipal(Role role, long id) {
        return Optional.ofNullable(guides.selectById(id)).filter(Guide::isActive).map(GuideService::principalOf);
    }

    @Transactional
    public Guide hire(String username, String password, String name, String phone, long storeId) {
        stores.operating(storeId);
        Guide guide = Guide.hire(username, passwords.hash(password), name, phone, storeId);
        try {
            guides.insert(guide);
        } catch (DuplicateKeyException e) {
            throw new BusinessException(GuideError.USERNAME_TAKEN, username);
        }
        return guide;
    }

    @Transactional
    public Guide disable(long guideId) {
        Guide guide = get(guideId);
        guide.setStatus(Guide.Status.DISABLED);
        guides.updateById(guide);
        tokens.revokeAll(Role.GUIDE, guideId);
        return guide;
    }

    @Transactional
    public Guide enable(long guideId) {
        Guide guide = get(guideId);
        guide.setStatus(Guide.Status.ACTIVE);
        guides.updateById(guide);
        return guide;
    }

    /**
     * Moves a guide to another store; their customers go with them. Their access tokens (which name the old store) stop
     * working within seconds; the next token refresh carries the new store.
     */
    @Transactional
    public Guide move(long guideId, long storeId) {
        Guide guide = get(guideId);
        stores.operating(storeId);
        guide.setStoreId(storeId);
        guides.updateById(guide);
        tokens.voidAccessTokens(Role.GUIDE, guideId);
        return guide;
    }

    public Guide get(long guideId) {
        return find(guideId).orElseThrow(() -> new BusinessException(GuideError.GUIDE_NOT_FOUND, guideId));
    }

    public Optional<Guide> find(long guideId) {
        return Optional.ofNullable(guides.selectById(guideId));
    }

    /** A guide who can take customers now: exists and is active. */
    public Guide active(long guideId) {
        Guide guide = get(guideId);
        if (!guide.isActive()) {
            throw new BusinessException(GuideError.GUIDE_DISABLED, guideId);
        }
        return guide;
    }

    /** Guides newest first; keyword matches a part of the username or name. */
    public IPage<Guide> page(PageQuery page, Long storeId, String keyword) {
        LambdaQueryWrapper<Guide> query = new LambdaQueryWrapper<Guide>().eq(storeId != null, Guide::getStoreId, storeId);
        if (keyword != null && !keyword.isBlank()) {
            String literal = LikeText.literal(keyword.strip());
            query.and(w -> w.like(Guide::getUsername, literal).or().like(Guide::getName, literal));
        }
        return guides.selectPage(page.toPage(), query.orderByDesc(Guide::getId));
    }
}
