package com.siyumall.promotion.firstpurchase;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface FirstPurchaseMapper {
    record ActivityRow(Long id, String name, Instant startsAt, Instant endsAt, int withinDaysOfJoining, Long couponTemplateId, String status) {}

    record PriceRow(long activityId, long skuId, long price) {}

    record Claim(long memberId, long activityId, String orderNo, String status) {}

    @Insert("INSERT INTO first_purchase_activity (id, name, starts_at, ends_at, within_days_of_joining, coupon_template_id, status, "
            + "created_by, created_at, updated_at) VALUES (#{id}, #{a.name}, #{a.startsAt}, #{a.endsAt}, #{a.withinDaysOfJoining}, "
            + "#{a.couponTemplateId}, #{a.status}, #{by}, #{at}, #{at})")
    int insertActivity(@Param("id") long id, @Param("a") FirstPurchaseActivity activity, @Param("by") long createdBy, @Param("at") Instant at);

    @Insert("INSERT INTO first_purchase_price (activity_id, sku_id, price) VALUES (#{activityId}, #{skuId}, #{price})")
    int insertPrice(@Param("activityId") long activityId, @Param("skuId") long skuId, @Param("price") long price);

    @Select("SELECT id, name, starts_at, ends_at, within_days_of_joining, coupon_template_id, status FROM first_purchase_activity WHERE id = #{id}")
    ActivityRow activity(long id);

    /** Activities running now or later, newest start first (whether one is open at a moment is the activity's to say). */
    @Select("SELECT id, name, starts_at, ends_at, within_days_of_joining, coupon_template_id, status FROM first_purchase_activity "
            + "WHERE status = 'ACTIVE' AND ends_at > #{now} ORDER BY starts_at DESC, id DESC")
    List<ActivityRow> notEnded(Instant now);

    @Select("SELECT id, name, starts_at, ends_at, within_days_of_joining, coupon_template_id, status FROM first_purchase_activity ORDER BY created_at DESC, id DESC")
    IPage<ActivityRow> page(IPage<ActivityRow> page);

    @Select("SELECT activity_id, sku_id, price FROM first_purchase_price WHERE activity_id = #{activityId}")
    List<PriceRow> prices(long activityId);

    @Update("UPDATE first_purchase_activity SET status = 'STOPPED', updated_at = #{at} WHERE id = #{id}")
    int stop(@Param("id") long id, @Param("at") Instant at);




    @Select("SELECT member_id, activity_id, order_no, status FROM first_purchase_claim WHERE member_id = #{memberId}")
    Claim claimOf(long memberId);

    @Insert("INSERT INTO first_purchase_claim (member_id, activity_id, order_no, status, created_at, updated_at) "
            + "VALUES (#{memberId}, #{activityId}, #{orderNo}, 'HELD', #{at}, #{at})")
    int claim(@Param("memberId") long memberId, @Param("activityId") long activityId, @Param("orderNo") String orderNo, @Param("at") Instant at);

    @Delete("DELETE FROM first_purchase_claim WHERE order_no = #{orderNo} AND status = 'HELD'")
    int release(String orderNo);

    @Update("UPDATE first_purchase_claim SET status = 'USED', updated_at = #{at} WHERE order_no = #{orderNo}")
    int use(@Param("orderNo") String orderNo, @Param("at") Instant at);

    /** Orders still holding first-purchase claims they made before {@code before}: candidates for the abandoned-hold sweep. */
    @Select("SELECT order_no FROM first_purchase_claim WHERE status = 'HELD' AND created_at < #{before} AND order_no > #{after} "
            + "ORDER BY order_no LIMIT #{limit}")
    List<String> claimsHeldBefore(@Param("before") Instant before, @Param("after") String after, @Param("limit") int limit);
}
