package com.siyumall.member.growth;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface GrowthMapper {
    record LevelRow(String code, String name, long growthThreshold, int discountPercent, int pointsMultiplierPercent,
                    boolean freeShipping, String upgradeCouponTemplateIds, Long birthdayCouponTemplateId) {
        MemberLevel toLevel() {
            return new MemberLevel(code, name, growthThreshold, discountPercent, pointsMultiplierPercent, freeShipping,
                    MemberLevel.splitIds(upgradeCouponTemplateIds), birthdayCouponTemplateId);
        }
    }

    record Standing(String levelCode, long growthValue) {}

    @Select("SELECT code, name, growth_threshold, discount_percent, points_multiplier_percent, free_shipping, "
            + "upgrade_coupon_template_ids, birthday_coupon_template_id FROM member_level ORDER BY growth_threshold")
    List<LevelRow> levels();

    @Insert("INSERT INTO member_level (code, name, growth_threshold, discount_percent, points_multiplier_percent, free_shipping, "
            + "upgrade_coupon_template_ids, birthday_coupon_template_id, updated_at) VALUES (#{l.code}, #{l.name}, #{l.growthThreshold}, "
            + "#{l.discountPercent}, #{l.pointsMultiplierPercent}, #{l.freeShipping}, #{ids}, #{l.birthdayCouponTemplateId}, #{at}) "
            + "ON DUPLICATE KEY UPDATE name = VALUES(name), growth_threshold = VALUES(growth_threshold), "
            + "discount_percent = VALUES(discount_percent), points_multiplier_percent = VALUES(points_multiplier_percent), "
            + "free_shipping = VALUES(free_shipping), upgrade_coupon_template_ids = VALUES(upgrade_coupon_template_ids), "
            + "birthday_coupon_template_id = VALUES(birthday_coupon_template_id), updated_at = VALUES(updated_at)")
    int saveLevel(@Param("l") MemberLevel level, @Param("ids") String couponTemplateIds, @Param("at") Instant at);

    @Delete("DELETE FROM member_level WHERE code = #{code}")
    int deleteLevel(String code);

    @Select("SELECT COUNT(*) FROM member WHERE level_code = #{code}")
    long membersAt(String code);

    /** 1 when this cause is booked now; 0 when it was booked before. */
    @Insert("INSERT IGNORE INTO growth_entry (id, member_id, growth_change, growth_after, reason, ref_id, created_at) "
            + "VALUES (#{id}, #{memberId}, #{change}, 0, #{reason}, #{refId}, #{at})")
    int book(@Param("id") long id, @Param("memberId") long memberId, @Param("change") long change,
             @Param("reason") String reason, @Param("refId") String refId, @Param("at") Instant at);

    /** Moves the growth value; never below zero. Takes the member row's lock until the transaction ends. */
    @Update("UPDATE member SET growth_value = GREATEST(growth_value + #{change}, 0), updated_at = #{at} WHERE id = #{memberId}")
    int move(@Param("memberId") long memberId, @Param("change") long change, @Param("at") Instant at);

    @Select("SELECT level_code, growth_value FROM member WHERE id = #{memberId}")
    Standing standing(long memberId);

    @Update("UPDATE growth_entry SET growth_after = #{growth} WHERE id = #{id}")
    int settle(@Param("id") long id, @Param("growth") long growth);

    @Update("UPDATE member SET level_code = #{to}, updated_at = #{at} WHERE id = #{memberId} AND level_code = #{from}")
    int changeLevel(@Param("memberId") long memberId, @Param("from") String from, @Param("to") String to, @Param("at") Instant at);

    @Insert("INSERT INTO member_level_change (id, member_id, from_level, to_level, growth, changed_at) "
            + "VALUES (#{id}, #{memberId}, #{from}, #{to}, #{growth}, #{at})")
    int logLevelChange(@Param("id") long id, @Param("memberId") long memberId, @Param("from") String from,
                       @Param("to") String to, @Param("growth") long growth, @Param("at") Instant at);

    @Select("SELECT per_yuan_paid, per_invited_member FROM growth_rule WHERE id = 1")
    GrowthRules rules();

    @Update("UPDATE growth_rule SET per_yuan_paid = #{r.perYuanPaid}, per_invited_member = #{r.perInvitedMember}, updated_at = #{at} WHERE id = 1")
    int setRules(@Param("r") GrowthRules rules, @Param("at") Instant at);
}
