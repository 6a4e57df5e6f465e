package com.siyumall.member.store;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;

@Mapper
interface StoreMapper extends BaseMapper<Store> {
}
