package com.siyumall.member.member;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.siyumall.common.persistence.LikeText;
import com.siyumall.common.web.PageQuery;
import org.springframework.stereotype.Service;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The merchant's member list: search by phone (its beginning) or nickname (any part), by level, by tag and by the
 * guide a member is bound to now; newest members first. Each row carries the member's guide.
 */
@Service
public class MemberDirectory {
    private final MemberMapper members;

    MemberDirectory(MemberMapper members) {
        this.members = members;
    }

    /** What the merchant filters by; each null is no filter. */
    public record Filter(String keyword, String level, String tag, Long guideId) {}

    /** One member as the merchant sees them (the phone whole: merchants run the members; guides see it masked). */
    public record MemberRow(Long memberId, String nickname, String avatarUrl, String phone, String levelCode, Long growthValue,
                            String sourceChannel, Integer sourceScene, Long guideId, Long storeId, Instant registeredAt,
                            Instant lastLoginAt, Integer paidOrderCount, Long paidAmount, Instant lastPaidAt) {}

    public Page<MemberRow> search(PageQuery page, Filter filter) {
        LambdaQueryWrapper<Member> query = new LambdaQueryWrapper<Member>()
                .eq(filter.level() != null, Member::getLevelCode, filter.level())
                // placeholders ({0}) are bound as parameters, not pasted into the SQL
                .exists(filter.tag() != null, "SELECT 1 FROM member_tag t WHERE t.member_id = member.id AND t.tag = {0}", filter.tag())
                .exists(filter.guideId() != null, "SELECT 1 FROM guide_binding b WHERE b.member_id = member.id AND b.guide_id = {0}",
                        filter.guideId())
                .orderByDesc(Member::getRegisteredAt).orderByDesc(Member::getId);
        if (filter.keyword() != null) {
            String literal = LikeText.literal(filter.keyword());
            query.and(w -> w.likeRight(Member::getPhone, literal).or().like(Member::getNickname, literal));
        }
        Page<Member> found = members.selectPage(page.toPage(), query);
        Map<Long, MemberMapper.Binding> bindings = found.getRecords().isEmpty() ? Map.of()
                : members.bindingsOf(found.getRecords().stream().map(Member::getId).toList()).stream()
                        .collect(Collectors.toMap(MemberMapper.Binding::memberId, Function.identity()));
        Page<MemberRow> rows = new Page<>(found.getCurrent(), found.getSize(), found.getTotal());
        rows.setRecords(found.getRecords().stream().map(m -> row(m, bindings.get(m.getId()))).toList());
        return rows;
    }

    private static MemberRow row(Member m, MemberMapper.Binding binding) {
        return new MemberRow(m.getId(), m.getNickname(), m.getAvatarUrl(), m.getPhone(), m.getLevelCode(), m.getGrowthValue(),
                m.getSourceChannel(), m.getSourceScene(), binding == null ? null : binding.guideId(),
                binding == null ? null : binding.storeId(), m.getRegisteredAt(), m.getLastLoginAt(), m.getPaidOrderCount(),
                m.getPaidAmount(), m.getLastPaidAt());
    }
}
