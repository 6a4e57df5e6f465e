package com.siyumall.member.points;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface PointsMapper {

    /** 1 when this cause is booked now; 0 when it was booked before. */
    @Insert("INSERT IGNORE INTO points_entry (id, member_id, type, points_change, balance_after, reason, ref_id, created_at) "
            + "VALUES (#{id}, #{memberId}, #{type}, #{change}, 0, #{reason}, #{refId}, #{at})")
    int book(@Param("id") long id, @Param("memberId") long memberId, @Param("type") String type, @Param("change") long change,
             @Param("reason") String reason, @Param("refId") String refId, @Param("at") Instant at);

    @Insert("INSERT INTO points_account (member_id, balance, updated_at) VALUES (#{memberId}, #{points}, #{at}) "
            + "ON DUPLICATE KEY UPDATE balance = balance + #{points}, updated_at = #{at}")
    int add(@Param("memberId") long memberId, @Param("points") long points, @Param("at") Instant at);

    /** 1 when the balance covered it; 0 when it did not (the balance never goes below zero). */
    @Update("UPDATE points_account SET balance = balance - #{points}, updated_at = #{at} WHERE member_id = #{memberId} AND balance >= #{points}")
    int take(@Param("memberId") long memberId, @Param("points") long points, @Param("at") Instant at);

    @Select("SELECT balance FROM points_account WHERE member_id = #{memberId}")
    Long balance(long memberId);

    @Update("UPDATE points_entry SET balance_after = #{balance} WHERE id = #{id}")
    int settle(@Param("id") long id, @Param("balance") long balance);

    @Select("SELECT id, member_id, type, points_change, balance_after, reason, ref_id, created_at FROM points_entry "
            + "WHERE member_id = #{memberId} ORDER BY created_at DESC, id DESC")
    IPage<PointsEntry> ledger(IPage<PointsEntry> page, @Param("memberId") long memberId);
}
