package com.siyumall.member.guide;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface GuideMapper extends BaseMapper<Guide> {

    @Select("SELECT * FROM guide WHERE username = #{username}")
    Guide findByUsername(String username);
}
