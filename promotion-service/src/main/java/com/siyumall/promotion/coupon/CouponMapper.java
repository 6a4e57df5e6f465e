package com.siyumall.promotion.coupon;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;

@Mapper
interface CouponMapper extends BaseMapper<CouponTemplate> {

    /** The MySQL backstop of the total: 1 when one more may be issued, 0 when the template is used up. */
    @Update("UPDATE coupon_template SET issued_quantity = issued_quantity + 1, updated_at = #{at} "
            + "WHERE id = #{id} AND issued_quantity < total_quantity")
    int countIssue(@Param("id") long templateId, @Param("at") Instant at);

    @Insert("INSERT INTO coupon (id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, claimed_at, updated_at, cause) "
            + "VALUES (#{id}, #{templateId}, #{memberId}, #{seq}, #{channel}, 'UNUSED', #{from}, #{to}, #{at}, #{at}, #{cause})")
    int insertCoupon(@Param("id") long id, @Param("templateId") long templateId, @Param("memberId") long memberId,
                     @Param("seq") int claimSeq, @Param("channel") String channel, @Param("from") Instant validFrom,
                     @Param("to") Instant validTo, @Param("at") Instant at, @Param("cause") String cause);

    @Select("SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at "
            + "FROM coupon WHERE member_id = #{memberId} AND template_id = #{templateId} AND cause = #{cause}")
    Coupon byCause(@Param("memberId") long memberId, @Param("templateId") long templateId, @Param("cause") String cause);

    @Select("SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at "
            + "FROM coupon WHERE member_id = #{memberId} AND cause = #{cause} ORDER BY id LIMIT 1")
    Coupon givenFor(@Param("memberId") long memberId, @Param("cause") String cause);

    @Select("SELECT member_id AS k, COUNT(*) AS v FROM coupon WHERE template_id = #{templateId} GROUP BY member_id")
    List<Map<String, Object>> claimsPerMember(long templateId);

    @Select("SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at "
            + "FROM coupon WHERE id = #{id}")
    Coupon coupon(long id);

    @Select("<script>SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at "
            + "FROM coupon WHERE member_id = #{memberId} <if test='status != null'>AND status = #{status}</if> "
            + "ORDER BY claimed_at DESC, id DESC</script>")
    IPage<Coupon> couponsOf(IPage<Coupon> page, @Param("memberId") long memberId, @Param("status") String status);

    @Select("SELECT template_id, COUNT(*) AS n FROM coupon WHERE member_id = #{memberId} GROUP BY template_id")
    List<Map<String, Object>> claimedByMember(long memberId);

    /** The coupon under its row lock, by primary key only (a combined WHERE let MariaDB merge indexes and deadlock racers). */
    @Select("SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at "
            + "FROM coupon WHERE id = #{id} FOR UPDATE")
    Coupon lockRow(long couponId);

    @Update("UPDATE coupon SET status = 'LOCKED', order_no = #{orderNo}, locked_at = #{at}, updated_at = #{at} "
            + "WHERE id = #{id} AND member_id = #{memberId} AND status = 'UNUSED' AND valid_from <= #{at} AND valid_to > #{at}")
    int lock(@Param("id") long couponId, @Param("memberId") long memberId, @Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE coupon SET status = 'UNUSED', order_no = NULL, locked_at = NULL, updated_at = #{at} "
            + "WHERE id = #{id} AND status = 'LOCKED' AND order_no = #{orderNo}")
    int unlock(@Param("id") long couponId, @Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE coupon SET status = 'USED', used_at = #{at}, updated_at = #{at} "
            + "WHERE id = #{id} AND status = 'LOCKED' AND order_no = #{orderNo}")
    int use(@Param("id") long couponId, @Param("orderNo") String orderNo, @Param("at") Instant at);

    /** Unused coupons past their end become EXPIRED (locked ones wait for their order). */
    @Update("UPDATE coupon SET status = 'EXPIRED', updated_at = #{now} WHERE status = 'UNUSED' AND valid_to <= #{now} LIMIT #{limit}")
    int expire(@Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT id, template_id, member_id, claim_seq, channel, status, valid_from, valid_to, order_no, claimed_at FROM coupon "
            + "WHERE status = 'UNUSED' AND reminded_at IS NULL AND valid_to > #{now} AND valid_to <= #{before} ORDER BY valid_to LIMIT #{limit}")
    List<Coupon> expiringUnreminded(@Param("now") Instant now, @Param("before") Instant before, @Param("limit") int limit);

    /** 1 for the one pass that reminds this coupon's owner. */
    @Update("UPDATE coupon SET reminded_at = #{now} WHERE id = #{id} AND reminded_at IS NULL")
    int markReminded(@Param("id") long couponId, @Param("now") Instant now);

    @Select("SELECT id FROM coupon WHERE order_no = #{orderNo}")
    List<Long> couponsOfOrder(String orderNo);

    /** Orders still holding coupons they locked before {@code before}: candidates for the abandoned-hold sweep. */
    @Select("SELECT DISTINCT order_no FROM coupon WHERE status = 'LOCKED' AND locked_at < #{before} AND order_no > #{after} "
            + "ORDER BY order_no LIMIT #{limit}")
    List<String> lockedBefore(@Param("before") Instant before, @Param("after") String after, @Param("limit") int limit);
}
