package com.siyumall.product.sales;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

@Mapper
interface SalesMapper {

    @Insert("INSERT INTO daily_sales (day, sku_id, spu_id, category_id, units, gmv) "
            + "SELECT #{day}, #{skuId}, #{spuId}, COALESCE((SELECT category_id FROM spu WHERE id = #{spuId}), 0), #{units}, #{gmv} "
            + "ON DUPLICATE KEY UPDATE units = units + #{units}, gmv = gmv + #{gmv}")
    int addDaily(@Param("day") LocalDate day, @Param("skuId") long skuId, @Param("spuId") long spuId,
                 @Param("units") int units, @Param("gmv") long gmv);

    @Update("UPDATE spu SET sales = GREATEST(sales + #{units}, 0) WHERE id = #{spuId}")
    int addSpuSales(@Param("spuId") long spuId, @Param("units") int units);

    @Insert("INSERT INTO member_sales (member_id, paid_orders, units, gmv, last_paid_at) VALUES (#{memberId}, #{orders}, #{units}, #{gmv}, #{at}) "
            + "ON DUPLICATE KEY UPDATE paid_orders = paid_orders + #{orders}, units = units + #{units}, gmv = gmv + #{gmv}, "
            + "last_paid_at = GREATEST(COALESCE(last_paid_at, #{at}), COALESCE(#{at}, last_paid_at))")
    int addMember(@Param("memberId") long memberId, @Param("orders") int orders, @Param("units") int units,
                  @Param("gmv") long gmv, @Param("at") Instant paidAt);

    @Select("<script>SELECT d.spu_id AS spu_id, s.name AS name, s.main_image AS main_image, SUM(d.units) AS units, SUM(d.gmv) AS gmv "
            + "FROM daily_sales d LEFT JOIN spu s ON s.id = d.spu_id WHERE d.day BETWEEN #{from} AND #{to} "
            + "<if test='categoryIds != null'> AND d.category_id IN "
            + "<foreach item='id' collection='categoryIds' open='(' separator=',' close=')'>#{id}</foreach></if> "
            + "GROUP BY d.spu_id, s.name, s.main_image "
            + "ORDER BY <choose><when test='byGmv'>gmv</when><otherwise>units</otherwise></choose> DESC, d.spu_id LIMIT #{limit}</script>")
    List<ProductRank> rankProducts(@Param("from") LocalDate from, @Param("to") LocalDate to,
                                   @Param("categoryIds") List<Long> categoryIds, @Param("byGmv") boolean byGmv,
                                   @Param("limit") int limit);

    @Select("<script>SELECT member_id, paid_orders, units, gmv, last_paid_at FROM member_sales "
            + "ORDER BY <choose><when test='byGmv'>gmv</when><otherwise>units</otherwise></choose> DESC, member_id LIMIT #{limit}</script>")
    List<MemberRank> rankMembers(@Param("byGmv") boolean byGmv, @Param("limit") int limit);

    record ProductRank(Long spuId, String name, String mainImage, Long units, Long gmv) {}

    record MemberRank(Long memberId, Integer paidOrders, Integer units, Long gmv, Instant lastPaidAt) {}
}
