package com.siyumall.product.category;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface CategoryMapper extends BaseMapper<Category> {
}
