package com.siyumall.member.subscription;

import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface WakeUpMapper {
    record Row(boolean enabled, String data, int withinHours, Long updatedBy, Instant updatedAt) {}

    @Select("SELECT enabled, data, within_hours, updated_by, updated_at FROM wake_up_rule WHERE id = 1")
    Row rule();

    @Update("UPDATE wake_up_rule SET enabled = #{enabled}, data = #{data}, within_hours = #{withinHours}, updated_by = #{by}, "
            + "updated_at = #{at} WHERE id = 1")
    int setRule(@Param("enabled") boolean enabled, @Param("data") String data, @Param("withinHours") int withinHours,
                @Param("by") long merchantId, @Param("at") Instant at);
}
