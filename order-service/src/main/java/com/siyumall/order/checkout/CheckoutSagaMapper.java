package com.siyumall.order.checkout;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** The saga table; every status move is guarded by the status it leaves (0 rows: someone else moved it first). */
@Mapper
interface CheckoutSagaMapper {
    String COLUMNS = "order_no, member_id, status, takes_seat, first_purchase, coupon_id, points, attempts, next_attempt_at, "
            + "last_error, created_at";

    /** A new saga, under the Idempotency-Key of the submit that started it (null: none). */
    @Insert("INSERT INTO checkout_saga (order_no, member_id, idempotency_key, status, takes_seat, first_purchase, coupon_id, points, "
            + "attempts, next_attempt_at, created_at, updated_at) VALUES (#{s.orderNo}, #{s.memberId}, #{key}, #{s.status}, "
            + "#{s.takesSeat}, #{s.firstPurchase}, #{s.couponId}, #{s.points}, 0, #{s.nextAttemptAt}, #{s.createdAt}, #{s.createdAt})")
    void insert(@Param("s") CheckoutSaga saga, @Param("key") String idempotencyKey);

    /** The saga a submit with this key started, if any. */
    @Select("SELECT " + COLUMNS + " FROM checkout_saga WHERE member_id = #{memberId} AND idempotency_key = #{key}")
    CheckoutSaga ofKey(@Param("memberId") long memberId, @Param("key") String idempotencyKey);

    /** A compensated attempt lets go of its key, so a retry may try again under it. */
    @Update("UPDATE checkout_saga SET idempotency_key = NULL, updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'COMPENSATED'")
    int releaseKey(@Param("orderNo") String orderNo, @Param("at") Instant at);

    /** What the saga will take beyond the stock, learned from the quote, before those steps run. */
    @Update("UPDATE checkout_saga SET takes_seat = #{s.takesSeat}, first_purchase = #{s.firstPurchase}, points = #{s.points}, "
            + "updated_at = #{at} WHERE order_no = #{s.orderNo} AND status = 'STARTED'")
    int plan(@Param("s") CheckoutSaga saga, @Param("at") Instant at);

    /** Refused before it took anything: nothing to give back. */
    @Update("UPDATE checkout_saga SET status = 'COMPENSATED', updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'STARTED'")
    int refusedBeforeTaking(@Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE checkout_saga SET status = 'COMPLETED', updated_at = #{at} WHERE order_no = #{orderNo} AND status = 'STARTED'")
    int complete(@Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE checkout_saga SET status = 'COMPENSATING', updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status IN ('STARTED', 'COMPENSATING')")
    int compensating(@Param("orderNo") String orderNo, @Param("at") Instant at);

    /**
     * A recoverer takes a due saga for {@code until}: one instance at a time undoes it (the others find it not due);
     * if that instance dies, the saga is due again at {@code until}.
     */
    @Update("UPDATE checkout_saga SET status = 'COMPENSATING', next_attempt_at = #{until}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status IN ('STARTED', 'COMPENSATING') AND next_attempt_at <= #{at}")
    int claimDue(@Param("orderNo") String orderNo, @Param("at") Instant at, @Param("until") Instant until);

    @Update("UPDATE checkout_saga SET status = 'COMPENSATED', last_error = NULL, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status = 'COMPENSATING'")
    int compensated(@Param("orderNo") String orderNo, @Param("at") Instant at);

    /** The undo is not finished: try (again) at {@code next}. */
    @Update("UPDATE checkout_saga SET attempts = attempts + #{failed}, next_attempt_at = #{next}, last_error = #{error}, updated_at = #{at} "
            + "WHERE order_no = #{orderNo} AND status = 'COMPENSATING'")
    int retryAt(@Param("orderNo") String orderNo, @Param("failed") int failed, @Param("next") Instant next, @Param("error") String error,
                @Param("at") Instant at);

    @Select("SELECT " + COLUMNS + " FROM checkout_saga WHERE order_no = #{orderNo}")
    CheckoutSaga find(@Param("orderNo") String orderNo);

    /** Sagas the recovery job must look at: STARTED past their deadline, COMPENSATING due for another try. */
    @Select("SELECT " + COLUMNS + " FROM checkout_saga WHERE status IN ('STARTED', 'COMPENSATING') AND next_attempt_at <= #{now} "
            + "ORDER BY next_attempt_at LIMIT #{limit}")
    List<CheckoutSaga> due(@Param("now") Instant now, @Param("limit") int limit);

    @Select("<script>SELECT " + COLUMNS + " FROM checkout_saga <where><if test='status != null'>status = #{status}</if></where> "
            + "ORDER BY created_at DESC</script>")
    IPage<CheckoutSaga> page(IPage<CheckoutSaga> page, @Param("status") String status);

    @Select("SELECT status, COUNT(*) AS n FROM checkout_saga WHERE status IN ('STARTED', 'COMPENSATING') GROUP BY status")
    List<Map<String, Object>> unfinishedCounts();

    /** What became of each order attempt: its saga's status and its order's (null where there is none). */
    @Select("<script>SELECT n.order_no, s.status AS saga_status, o.status AS order_status FROM "
            + "(<foreach collection='orderNos' item='no' separator=' UNION ALL '>SELECT #{no} AS order_no</foreach>) n "
            + "LEFT JOIN checkout_saga s ON s.order_no = n.order_no LEFT JOIN orders o ON o.order_no = n.order_no</script>")
    List<OrderAttempt> attempts(@Param("orderNos") List<String> orderNos);
}
