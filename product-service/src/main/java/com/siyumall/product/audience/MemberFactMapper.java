package com.siyumall.product.audience;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;

@Mapper
interface MemberFactMapper {

    @Select("SELECT member_id, registered_at, first_paid_at, level_code, level_rank, tags FROM member_fact WHERE member_id = #{memberId}")
    MemberFact find(long memberId);

    @Insert("INSERT INTO member_fact (member_id, registered_at, updated_at) VALUES (#{memberId}, #{at}, #{now}) "
            + "ON DUPLICATE KEY UPDATE registered_at = #{at}, updated_at = #{now}")
    int registered(@Param("memberId") long memberId, @Param("at") Instant registeredAt, @Param("now") Instant now);

    /** Keeps the earliest paid time, whatever order the events arrive in. */
    @Insert("INSERT INTO member_fact (member_id, first_paid_at, updated_at) VALUES (#{memberId}, #{at}, #{now}) "
            + "ON DUPLICATE KEY UPDATE first_paid_at = IF(first_paid_at IS NULL OR first_paid_at > #{at}, #{at}, first_paid_at), "
            + "updated_at = #{now}")
    int paid(@Param("memberId") long memberId, @Param("at") Instant paidAt, @Param("now") Instant now);

    @Insert("INSERT INTO member_fact (member_id, level_code, level_rank, updated_at) VALUES (#{memberId}, #{code}, #{rank}, #{now}) "
            + "ON DUPLICATE KEY UPDATE level_code = #{code}, level_rank = #{rank}, updated_at = #{now}")
    int levelChanged(@Param("memberId") long memberId, @Param("code") String levelCode, @Param("rank") int levelRank,
                     @Param("now") Instant now);

    @Insert("INSERT INTO member_fact (member_id, tags, updated_at) VALUES (#{memberId}, #{tags}, #{now}) "
            + "ON DUPLICATE KEY UPDATE tags = #{tags}, updated_at = #{now}")
    int tagged(@Param("memberId") long memberId, @Param("tags") String tags, @Param("now") Instant now);
}
