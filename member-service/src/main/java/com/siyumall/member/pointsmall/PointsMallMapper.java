package com.siyumall.member.pointsmall;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface PointsMallMapper {
    String ITEM_COLUMNS = "id, name, kind, coupon_template_id, sku_id, image, points_price, stock_total, stock_left, per_member_limit, "
            + "status, created_at";
    String EXCHANGE_COLUMNS = "id, item_id, member_id, points, status, coupon_id, order_no, failure, created_at";

    record Exchange(Long id, Long itemId, Long memberId, long points, String status, Long couponId, String orderNo, String failure,
                    Instant createdAt) {}

    @Insert("INSERT INTO points_mall_item (id, name, kind, coupon_template_id, sku_id, image, points_price, stock_total, stock_left, "
            + "per_member_limit, status, created_by, created_at, updated_at) VALUES (#{id}, #{i.name}, #{i.kind}, #{i.couponTemplateId}, "
            + "#{i.skuId}, #{i.image}, #{i.pointsPrice}, #{i.stockTotal}, #{i.stockLeft}, #{i.perMemberLimit}, #{i.status}, #{by}, #{at}, #{at})")
    int insertItem(@Param("id") long id, @Param("i") PointsMallItem item, @Param("by") Long createdBy, @Param("at") Instant at);

    @Select("SELECT " + ITEM_COLUMNS + " FROM points_mall_item WHERE id = #{id}")
    PointsMallItem item(long id);

    @Select("<script>SELECT " + ITEM_COLUMNS + " FROM points_mall_item<if test='status != null'> WHERE status = #{status}</if>"
            + " ORDER BY created_at DESC, id DESC</script>")
    IPage<PointsMallItem> items(IPage<PointsMallItem> page, @Param("status") String status);

    @Update("UPDATE points_mall_item SET status = #{status}, updated_at = #{at} WHERE id = #{id}")
    int setStatus(@Param("id") long id, @Param("status") String status, @Param("at") Instant at);

    /** Adds (or with a negative number removes, never below what is left) stock. */
    @Update("UPDATE points_mall_item SET stock_total = stock_total + #{delta}, stock_left = stock_left + #{delta}, updated_at = #{at} "
            + "WHERE id = #{id} AND stock_left + #{delta} >= 0")
    int addStock(@Param("id") long id, @Param("delta") int delta, @Param("at") Instant at);

    /** 1 when one unit was taken; 0 when none is left or the item is off the shelf. */
    @Update("UPDATE points_mall_item SET stock_left = stock_left - 1, updated_at = #{at} WHERE id = #{id} AND stock_left > 0 AND status = 'ON_SHELF'")
    int takeOne(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE points_mall_item SET stock_left = stock_left + 1, updated_at = #{at} WHERE id = #{id}")
    int returnOne(@Param("id") long id, @Param("at") Instant at);

    @Insert("INSERT IGNORE INTO points_mall_quota (item_id, member_id, used) VALUES (#{itemId}, #{memberId}, 0)")
    int openQuota(@Param("itemId") long itemId, @Param("memberId") long memberId);

    /** 1 when the member was still under the limit (and now has one more); 0 at the limit. */
    @Update("UPDATE points_mall_quota SET used = used + 1 WHERE item_id = #{itemId} AND member_id = #{memberId} AND used < #{limit}")
    int useQuota(@Param("itemId") long itemId, @Param("memberId") long memberId, @Param("limit") int limit);

    @Update("UPDATE points_mall_quota SET used = used - 1 WHERE item_id = #{itemId} AND member_id = #{memberId} AND used > 0")
    int returnQuota(@Param("itemId") long itemId, @Param("memberId") long memberId);

    @Insert("INSERT INTO points_exchange (id, item_id, member_id, points, status, address, created_at, updated_at) "
            + "VALUES (#{id}, #{itemId}, #{memberId}, #{points}, 'PENDING', #{address}, #{at}, #{at})")
    int insertExchange(@Param("id") long id, @Param("itemId") long itemId, @Param("memberId") long memberId,
                       @Param("points") long points, @Param("address") String address, @Param("at") Instant at);

    @Select("SELECT " + EXCHANGE_COLUMNS + " FROM points_exchange WHERE id = #{id}")
    Exchange exchange(long id);

    @Select("SELECT address FROM points_exchange WHERE id = #{id}")
    String addressOf(long id);

    @Update("UPDATE points_exchange SET status = 'DONE', order_no = #{orderNo}, updated_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int ordered(@Param("id") long id, @Param("orderNo") String orderNo, @Param("at") Instant at);

    @Update("UPDATE points_exchange SET status = 'DONE', coupon_id = #{couponId}, updated_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int done(@Param("id") long id, @Param("couponId") long couponId, @Param("at") Instant at);

    @Update("UPDATE points_exchange SET status = 'FAILED', failure = #{failure}, updated_at = #{at} WHERE id = #{id} AND status = 'PENDING'")
    int failed(@Param("id") long id, @Param("failure") String failure, @Param("at") Instant at);

    @Select("SELECT id FROM points_exchange WHERE status = 'PENDING' AND created_at < #{before} ORDER BY created_at LIMIT 100")
    List<Long> pendingBefore(Instant before);

    @Select("SELECT " + EXCHANGE_COLUMNS + " FROM points_exchange WHERE member_id = #{memberId} ORDER BY created_at DESC, id DESC")
    IPage<Exchange> exchangesOf(IPage<Exchange> page, @Param("memberId") long memberId);
}
