package com.siyumall.member.checkin;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Mapper
interface CheckInMapper {

    @Select("SELECT streak FROM check_in WHERE member_id = #{memberId} AND day = #{day}")
    Integer streakOn(@Param("memberId") long memberId, @Param("day") LocalDate day);

    @Select("SELECT day, streak, points, growth FROM check_in WHERE member_id = #{memberId} AND day BETWEEN #{from} AND #{to} ORDER BY day")
    List<CheckInService.Day> between(@Param("memberId") long memberId, @Param("from") LocalDate from, @Param("to") LocalDate to);

    /** The day's check-in; the primary key lets only one per member and day exist. */
    @Insert("INSERT INTO check_in (member_id, day, streak, points, growth, created_at) VALUES (#{memberId}, #{day}, #{streak}, #{points}, #{growth}, #{at})")
    int insert(@Param("memberId") long memberId, @Param("day") LocalDate day, @Param("streak") int streak,
               @Param("points") long points, @Param("growth") long growth, @Param("at") Instant at);

    @Select("SELECT streak_day, points, growth FROM check_in_rule ORDER BY streak_day")
    List<CheckInRule> rules();

    @Update("DELETE FROM check_in_rule")
    int clearRules();

    @Insert("INSERT INTO check_in_rule (streak_day, points, growth, updated_at) VALUES (#{day}, #{points}, #{growth}, #{at})")
    int insertRule(@Param("day") int streakDay, @Param("points") long points, @Param("growth") long growth, @Param("at") Instant at);

}
