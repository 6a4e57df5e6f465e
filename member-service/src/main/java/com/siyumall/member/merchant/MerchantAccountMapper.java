package com.siyumall.member.merchant;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Select;

@Mapper
interface MerchantAccountMapper extends BaseMapper<MerchantAccount> {

    @Select("SELECT * FROM merchant_account WHERE username = #{username}")
    MerchantAccount findByUsername(String username);
}
