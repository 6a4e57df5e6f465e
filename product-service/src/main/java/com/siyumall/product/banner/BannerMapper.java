package com.siyumall.product.banner;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface BannerMapper extends BaseMapper<Banner> {
}
