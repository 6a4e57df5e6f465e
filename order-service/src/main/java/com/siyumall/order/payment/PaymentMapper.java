package com.siyumall.order.payment;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;

import java.time.Instant;

@Mapper
interface PaymentMapper {

    @Insert("INSERT INTO payment_notification (id, transaction_id, order_no, amount, outcome, detail, received_at) "
            + "VALUES (#{id}, #{txId}, #{orderNo}, #{amount}, #{outcome}, #{detail}, #{at})")
    int logNotification(@Param("id") long id, @Param("txId") String transactionId, @Param("orderNo") String orderNo,
                        @Param("amount") Long amount, @Param("outcome") String outcome, @Param("detail") String detail,
                        @Param("at") Instant at);
}
