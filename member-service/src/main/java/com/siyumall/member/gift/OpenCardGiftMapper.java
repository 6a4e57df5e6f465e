package com.siyumall.member.gift;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface OpenCardGiftMapper {

    @Select("SELECT trigger_on, points, growth, enabled, coupon_template_id FROM open_card_gift WHERE id = 1")
    OpenCardGift current();

    @Update("UPDATE open_card_gift SET trigger_on = #{g.triggerOn}, points = #{g.points}, growth = #{g.growth}, enabled = #{g.enabled}, "
            + "coupon_template_id = #{g.couponTemplateId}, updated_at = #{at} WHERE id = 1")
    int set(@Param("g") OpenCardGift gift, @Param("at") Instant at);

    /** 1 for the one time a member gets the gift. */
    @Insert("INSERT IGNORE INTO open_card_gift_given (member_id, points, growth, given_at) VALUES (#{memberId}, #{points}, #{growth}, #{at})")
    int give(@Param("memberId") long memberId, @Param("points") long points, @Param("growth") long growth, @Param("at") Instant at);

    @Update("UPDATE open_card_gift_given SET coupon_id = #{couponId} WHERE member_id = #{memberId}")
    int couponGiven(@Param("memberId") long memberId, @Param("couponId") long couponId);
}
