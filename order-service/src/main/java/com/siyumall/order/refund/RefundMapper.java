package com.siyumall.order.refund;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface RefundMapper extends BaseMapper<Refund> {

    /** 1 for the one request that opens this refund number; 0 when it exists (a repeat). */
    @Insert("INSERT IGNORE INTO refund (refund_no, order_no, member_id, amount, reason, status, refund_lines, restock, created_at, updated_at) "
            + "VALUES (#{refundNo}, #{orderNo}, #{memberId}, #{amount}, #{reason}, #{status}, #{lines}, #{restock}, #{at}, #{at})")
    int open(@Param("refundNo") String refundNo, @Param("orderNo") String orderNo, @Param("memberId") Long memberId,
             @Param("amount") long amount, @Param("reason") String reason, @Param("status") String status,
             @Param("lines") String lines, @Param("restock") boolean restock, @Param("at") Instant at);

    /** Moves a refund from one status to the next, once. */
    @Update("UPDATE refund SET status = #{to}, updated_at = #{at} WHERE refund_no = #{refundNo} AND status = #{from}")
    int move(@Param("refundNo") String refundNo, @Param("from") String from, @Param("to") String to, @Param("at") Instant at);

    @Update("UPDATE refund SET status = #{to}, decided_by = #{by}, decided_at = #{at}, reject_reason = #{why}, updated_at = #{at} "
            + "WHERE refund_no = #{refundNo} AND status = 'REQUESTED'")
    int decide(@Param("refundNo") String refundNo, @Param("to") String to, @Param("by") long merchantId, @Param("why") String why,
               @Param("at") Instant at);

    @Update("UPDATE refund SET refund_id = #{refundId}, updated_at = #{at} WHERE refund_no = #{refundNo}")
    int recordRefundId(@Param("refundNo") String refundNo, @Param("refundId") String refundId, @Param("at") Instant at);

    @Select("SELECT COALESCE(SUM(amount), 0) FROM refund WHERE order_no = #{orderNo} AND status IN ('REQUESTED', 'PROCESSING', 'SUCCESS')")
    long committedAmount(String orderNo);

    /** Refunds at WeChat Pay whose result has not arrived since {@code before}, oldest first. */
    @Select("SELECT * FROM refund WHERE status = 'PROCESSING' AND updated_at < #{before} ORDER BY updated_at LIMIT #{limit}")
    List<Refund> processingSince(@Param("before") Instant before, @Param("limit") int limit);
}
