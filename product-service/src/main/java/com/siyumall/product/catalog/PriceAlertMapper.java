package com.siyumall.product.catalog;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

@Mapper
interface PriceAlertMapper {

    @Insert("INSERT IGNORE INTO price_alert (member_id, sku_id, spu_id, created_at) VALUES (#{memberId}, #{skuId}, #{spuId}, #{at})")
    int watch(@Param("memberId") long memberId, @Param("skuId") long skuId, @Param("spuId") long spuId, @Param("at") Instant at);

    @Select("SELECT member_id FROM price_alert WHERE sku_id = #{skuId} ORDER BY member_id")
    List<Long> membersWatching(long skuId);
}
