package com.siyumall.promotion.repurchase;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface RepurchaseMapper {
    String COLUMNS = "id, name, kind, nth_order, coupon_template_id, valid_from_day, valid_to_day, window_days, points_multiplier_percent, status";

    @Insert("INSERT INTO repurchase_rule (id, name, kind, nth_order, coupon_template_id, valid_from_day, valid_to_day, window_days, "
            + "points_multiplier_percent, status, created_by, created_at, updated_at) VALUES (#{id}, #{r.name}, #{r.kind}, #{r.nthOrder}, "
            + "#{r.couponTemplateId}, #{r.validFromDay}, #{r.validToDay}, #{r.windowDays}, #{r.pointsMultiplierPercent}, #{r.status}, "
            + "#{by}, #{at}, #{at})")
    int insert(@Param("id") long id, @Param("r") RepurchaseRule rule, @Param("by") long createdBy, @Param("at") Instant at);

    @Select("SELECT " + COLUMNS + " FROM repurchase_rule WHERE id = #{id}")
    RepurchaseRule rule(long id);

    @Select("SELECT " + COLUMNS + " FROM repurchase_rule ORDER BY created_at DESC, id DESC")
    IPage<RepurchaseRule> page(IPage<RepurchaseRule> page);

    @Select("SELECT " + COLUMNS + " FROM repurchase_rule WHERE status = 'ACTIVE'")
    List<RepurchaseRule> active();

    @Update("UPDATE repurchase_rule SET status = 'STOPPED', updated_at = #{at} WHERE id = #{id}")
    int stop(@Param("id") long id, @Param("at") Instant at);

    @Insert("INSERT IGNORE INTO repurchase_member (member_id) VALUES (#{memberId})")
    int openMember(long memberId);

    /** Holds the member until the transaction ends, so their orders are counted one at a time. */
    @Select("SELECT member_id FROM repurchase_member WHERE member_id = #{memberId} FOR UPDATE")
    Long lockMember(long memberId);

    /** 1 the first time this paid order is counted; 0 when it was counted before. */
    @Insert("INSERT IGNORE INTO repurchase_paid_order (order_no, member_id, paid_at) VALUES (#{orderNo}, #{memberId}, #{paidAt})")
    int countPaid(@Param("orderNo") String orderNo, @Param("memberId") long memberId, @Param("paidAt") Instant paidAt);

    /** The member's paid orders up to and including this one, in payment order. */
    @Select("SELECT COUNT(*) FROM repurchase_paid_order WHERE member_id = #{memberId} AND (paid_at < #{paidAt} "
            + "OR (paid_at = #{paidAt} AND order_no <= #{orderNo}))")
    int placeOf(@Param("memberId") long memberId, @Param("orderNo") String orderNo, @Param("paidAt") Instant paidAt);

    record PaidOrder(String orderNo, Instant paidAt) {}

    /** The member's paid orders from this time on (a late arrival changes their places). */
    @Select("SELECT order_no, paid_at FROM repurchase_paid_order WHERE member_id = #{memberId} AND paid_at >= #{paidAt} "
            + "ORDER BY paid_at, order_no")
    List<PaidOrder> paidFrom(@Param("memberId") long memberId, @Param("paidAt") Instant paidAt);

    /** 1 the first time this rule rewards this order with points. */
    @Insert("INSERT IGNORE INTO repurchase_points_reward (rule_id, order_no) VALUES (#{ruleId}, #{orderNo})")
    int rewardPoints(@Param("ruleId") long ruleId, @Param("orderNo") String orderNo);

    @Select("SELECT MAX(paid_at) FROM repurchase_paid_order WHERE member_id = #{memberId} AND paid_at < #{paidAt}")
    Instant previousPaidAt(@Param("memberId") long memberId, @Param("paidAt") Instant paidAt);
}
