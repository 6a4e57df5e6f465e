package com.siyumall.member.points;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface PointsHoldMapper {
    record Hold(String orderNo, long memberId, long points, long returned, String status) {}

    @Insert("INSERT IGNORE INTO points_hold (order_no, member_id, points, status, created_at, updated_at) "
            + "VALUES (#{orderNo}, #{memberId}, #{points}, 'HELD', #{at}, #{at})")
    int open(@Param("orderNo") String orderNo, @Param("memberId") long memberId, @Param("points") long points, @Param("at") Instant at);

    @Select("SELECT order_no, member_id, points, returned, status FROM points_hold WHERE order_no = #{orderNo}")
    Hold find(String orderNo);

    @Select("SELECT order_no, member_id, points, returned, status FROM points_hold WHERE order_no = #{orderNo} FOR UPDATE")
    Hold lock(String orderNo);

    /** 1 when the hold was in {@code from} and moved; 0 otherwise (already moved, or never held). */
    @Update("UPDATE points_hold SET status = #{to}, updated_at = #{at} WHERE order_no = #{orderNo} AND status = #{from}")
    int move(@Param("orderNo") String orderNo, @Param("from") String from, @Param("to") String to, @Param("at") Instant at);

    @Update("UPDATE points_hold SET returned = returned + #{points}, updated_at = #{at} WHERE order_no = #{orderNo}")
    int returned(@Param("orderNo") String orderNo, @Param("points") long points, @Param("at") Instant at);

    @Select("SELECT points_per_yuan, max_deduct_percent, expire_after_years FROM points_setting WHERE id = 1")
    PointsSettings settings();

    @Update("UPDATE points_setting SET points_per_yuan = #{s.pointsPerYuan}, max_deduct_percent = #{s.maxDeductPercent}, "
            + "expire_after_years = #{s.expireAfterYears}, updated_at = #{at} WHERE id = 1")
    int setSettings(@Param("s") PointsSettings settings, @Param("at") Instant at);

    /** Orders still holding points they held before {@code before}: candidates for the abandoned-hold sweep. */
    @Select("SELECT order_no FROM points_hold WHERE status = 'HELD' AND created_at < #{before} AND order_no > #{after} "
            + "ORDER BY order_no LIMIT #{limit}")
    List<String> heldBefore(@Param("before") Instant before, @Param("after") String after, @Param("limit") int limit);
}
