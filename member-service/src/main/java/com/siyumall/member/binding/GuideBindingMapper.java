package com.siyumall.member.binding;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface GuideBindingMapper extends BaseMapper<GuideBinding> {

    /**
     * Locks the member's row: every binding decision about one member takes this lock first, so decisions queue
     * instead of deadlocking on the binding row. Null when there is no such member.
     */
    @Select("SELECT id FROM member WHERE id = #{memberId} FOR UPDATE")
    Long lockMember(long memberId);

    /** The binding as committed now (a locking read, not the transaction's older snapshot). */
    @Select("SELECT * FROM guide_binding WHERE member_id = #{memberId} FOR UPDATE")
    GuideBinding currentOf(long memberId);

    @Select("SELECT member_id FROM guide_binding WHERE guide_id = #{guideId} FOR UPDATE")
    List<Long> lockMembersOf(long guideId);

    @Update("UPDATE guide_binding SET guide_id = #{toGuideId}, store_id = #{storeId}, source = 'HANDOVER', bound_at = #{now}, "
            + "updated_at = #{now} WHERE guide_id = #{fromGuideId}")
    int handOver(@Param("fromGuideId") long fromGuideId, @Param("toGuideId") long toGuideId, @Param("storeId") long storeId,
                 @Param("now") Instant now);

    @Insert("INSERT INTO guide_binding_log (id, member_id, from_guide_id, to_guide_id, source, operator_id, changed_at) "
            + "VALUES (#{id}, #{memberId}, #{fromGuideId}, #{toGuideId}, #{source}, #{operatorId}, #{at})")
    int log(@Param("id") long id, @Param("memberId") long memberId, @Param("fromGuideId") Long fromGuideId,
            @Param("toGuideId") long toGuideId, @Param("source") String source, @Param("operatorId") Long operatorId,
            @Param("at") Instant at);

    @Select("SELECT b.member_id, m.nickname, m.avatar_url, m.phone, b.source, b.bound_at, DATE_ADD(b.bound_at, INTERVAL (SELECT protection_days FROM guide_binding_policy WHERE id = 1) DAY) AS protected_until, m.registered_at, "
            + "m.last_login_at AS last_visit_at, m.paid_order_count, m.paid_amount, m.last_paid_at "
            + "FROM guide_binding b JOIN member m ON m.id = b.member_id "
            + "WHERE b.guide_id = #{guideId} ORDER BY b.bound_at DESC, b.member_id DESC")
    IPage<GuideCustomer> customersOf(IPage<GuideCustomer> page, @Param("guideId") long guideId);

    @Select("SELECT b.member_id, m.nickname, m.avatar_url, m.phone, b.source, b.bound_at, DATE_ADD(b.bound_at, INTERVAL (SELECT protection_days FROM guide_binding_policy WHERE id = 1) DAY) AS protected_until, m.registered_at, "
            + "m.last_login_at AS last_visit_at, m.paid_order_count, m.paid_amount, m.last_paid_at "
            + "FROM guide_binding b JOIN member m ON m.id = b.member_id WHERE b.member_id = #{memberId}")
    GuideCustomer customer(long memberId);

    @Select("SELECT protection_days FROM guide_binding_policy WHERE id = 1")
    int protectionDays();

    @Update("UPDATE guide_binding_policy SET protection_days = #{days}, updated_by = #{by}, updated_at = #{at} WHERE id = 1")
    int setProtectionDays(@Param("days") int days, @Param("by") long by, @Param("at") Instant at);
}
