package com.siyumall.promotion.members;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;

@Mapper
interface MemberFactsMapper {
    record Row(Instant registeredAt, int paidOrders, int levelRank, String tags) {}

    @Select("SELECT registered_at, paid_orders, level_rank, tags FROM member_purchase_fact WHERE member_id = #{memberId}")
    Row facts(long memberId);

    @Insert("INSERT INTO member_purchase_fact (member_id, registered_at, updated_at) VALUES (#{memberId}, #{at}, #{now}) "
            + "ON DUPLICATE KEY UPDATE registered_at = VALUES(registered_at), updated_at = VALUES(updated_at)")
    int registered(@Param("memberId") long memberId, @Param("at") Instant registeredAt, @Param("now") Instant now);

    @Insert("INSERT INTO member_purchase_fact (member_id, paid_orders, first_paid_at, updated_at) VALUES (#{memberId}, 1, #{at}, #{now}) "
            + "ON DUPLICATE KEY UPDATE paid_orders = paid_orders + 1, first_paid_at = COALESCE(first_paid_at, VALUES(first_paid_at)), "
            + "updated_at = VALUES(updated_at)")
    int paid(@Param("memberId") long memberId, @Param("at") Instant paidAt, @Param("now") Instant now);

    @Insert("INSERT INTO member_purchase_fact (member_id, level_rank, updated_at) VALUES (#{memberId}, #{rank}, #{now}) "
            + "ON DUPLICATE KEY UPDATE level_rank = VALUES(level_rank), updated_at = VALUES(updated_at)")
    int level(@Param("memberId") long memberId, @Param("rank") int rank, @Param("now") Instant now);

    @Insert("INSERT INTO member_purchase_fact (member_id, tags, updated_at) VALUES (#{memberId}, #{tags}, #{now}) "
            + "ON DUPLICATE KEY UPDATE tags = VALUES(tags), updated_at = VALUES(updated_at)")
    int tagged(@Param("memberId") long memberId, @Param("tags") String tags, @Param("now") Instant now);
}
