package com.siyumall.order.payment;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface PaymentMapper {

    @Insert("INSERT INTO payment_notification (id, transaction_id, order_no, amount, outcome, detail, received_at) "
            + "VALUES (#{id}, #{txId}, #{orderNo}, #{amount}, #{outcome}, #{detail}, #{at})")
    int logNotification(@Param("id") long id, @Param("txId") String transactionId, @Param("orderNo") String orderNo,
                        @Param("amount") Long amount, @Param("outcome") String outcome, @Param("detail") String detail,
                        @Param("at") Instant at);

    /** 1 for the one request that starts this refund; 0 when it was already started. */
    @Insert("INSERT IGNORE INTO refund (refund_no, order_no, amount, reason, status, created_at, updated_at) "
            + "VALUES (#{refundNo}, #{orderNo}, #{amount}, #{reason}, 'PROCESSING', #{at}, #{at})")
    int startRefund(@Param("refundNo") String refundNo, @Param("orderNo") String orderNo, @Param("amount") long amount,
                    @Param("reason") String reason, @Param("at") Instant at);

    @Update("UPDATE refund SET status = #{status}, refund_id = #{refundId}, updated_at = #{at} WHERE refund_no = #{refundNo}")
    int refundResult(@Param("refundNo") String refundNo, @Param("status") String status, @Param("refundId") String refundId,
                     @Param("at") Instant at);
}
