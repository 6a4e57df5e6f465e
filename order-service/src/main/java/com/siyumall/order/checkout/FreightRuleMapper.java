package com.siyumall.order.checkout;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface FreightRuleMapper {

    @Select("SELECT flat_fee, free_threshold FROM freight_rule WHERE id = 1")
    FreightRule current();

    @Update("UPDATE freight_rule SET flat_fee = #{fee}, free_threshold = #{threshold}, updated_by = #{by}, updated_at = #{at} WHERE id = 1")
    int set(@Param("fee") long flatFee, @Param("threshold") Long freeThreshold, @Param("by") long by, @Param("at") Instant at);
}
