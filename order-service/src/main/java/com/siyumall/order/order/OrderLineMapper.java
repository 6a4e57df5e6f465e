package com.siyumall.order.order;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;

@Mapper
public interface OrderLineMapper extends BaseMapper<OrderLine> {

    /** A new order's line as one fixed statement (see {@link OrderMapper#insertNew}); {@code id} must be set. */
    @Insert("INSERT INTO order_line (id, order_no, sku_id, spu_id, name, spec_text, image, price, quantity, amount) "
            + "VALUES (#{id}, #{orderNo}, #{skuId}, #{spuId}, #{name}, #{specText}, #{image}, #{price}, #{quantity}, #{amount})")
    int insertNew(OrderLine line);
}
