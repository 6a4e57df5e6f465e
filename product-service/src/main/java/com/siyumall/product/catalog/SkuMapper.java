package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface SkuMapper extends BaseMapper<Sku> {
}
