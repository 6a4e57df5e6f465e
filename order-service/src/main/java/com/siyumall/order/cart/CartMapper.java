package com.siyumall.order.cart;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface CartMapper {

    @Select("SELECT member_id, sku_id, quantity, selected, created_at, updated_at FROM cart_item WHERE member_id = #{memberId} ORDER BY created_at DESC, sku_id")
    List<CartItem> itemsOf(long memberId);

    /** Adds to what is there, never past the maximum. */
    @Insert("INSERT INTO cart_item (member_id, sku_id, quantity, selected, created_at, updated_at) VALUES (#{memberId}, #{skuId}, #{q}, 1, #{at}, #{at}) "
            + "ON DUPLICATE KEY UPDATE quantity = LEAST(quantity + #{q}, #{max}), selected = 1, updated_at = #{at}")
    int add(@Param("memberId") long memberId, @Param("skuId") long skuId, @Param("q") int quantity, @Param("max") int max,
            @Param("at") Instant at);

    @Update("UPDATE cart_item SET quantity = #{q}, updated_at = #{at} WHERE member_id = #{memberId} AND sku_id = #{skuId}")
    int setQuantity(@Param("memberId") long memberId, @Param("skuId") long skuId, @Param("q") int quantity, @Param("at") Instant at);

    @Update("UPDATE cart_item SET selected = #{selected}, updated_at = #{at} WHERE member_id = #{memberId} AND sku_id = #{skuId}")
    int select(@Param("memberId") long memberId, @Param("skuId") long skuId, @Param("selected") boolean selected, @Param("at") Instant at);

    @Delete("DELETE FROM cart_item WHERE member_id = #{memberId} AND sku_id = #{skuId}")
    int remove(@Param("memberId") long memberId, @Param("skuId") long skuId);
}
