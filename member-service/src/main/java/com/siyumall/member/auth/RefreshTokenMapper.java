package com.siyumall.member.auth;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;

@Mapper
interface RefreshTokenMapper extends BaseMapper<RefreshToken> {

    @Select("SELECT * FROM refresh_token WHERE token_hash = #{hash}")
    RefreshToken findByHash(String hash);

    /** 1 when this call rotated the token; 0 when another request used it first. */
    @Update("UPDATE refresh_token SET status = 'ROTATED', updated_at = #{at} WHERE id = #{id} AND status = 'ACTIVE'")
    int markRotated(@Param("id") long id, @Param("at") Instant at);

    @Update("UPDATE refresh_token SET status = 'REVOKED', updated_at = #{at} WHERE family_id = #{familyId} AND status = 'ACTIVE'")
    int revokeFamily(@Param("familyId") long familyId, @Param("at") Instant at);

    @Update("UPDATE refresh_token SET status = 'REVOKED', updated_at = #{at} "
            + "WHERE subject_role = #{role} AND subject_id = #{subjectId} AND status = 'ACTIVE'")
    int revokeSubject(@Param("role") String role, @Param("subjectId") long subjectId, @Param("at") Instant at);
}
