package com.siyumall.promotion.members;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

@Mapper
interface MemberFactsMapper {
    record Row(Instant registeredAt, int paidOrders, int levelRank, String tags, String segments) {}

    /** One row for any member: what is known of them (nothing yet: zeros and nulls) and the segments they are in. */
    @Select("SELECT f.registered_at, COALESCE(f.paid_orders, 0) AS paid_orders, COALESCE(f.level_rank, 0) AS level_rank, f.tags, "
            + "(SELECT GROUP_CONCAT(CAST(s.segment_id AS CHAR)) FROM member_insight_segment s WHERE s.member_id = m.id AND s.present = 1) AS segments "
            + "FROM (SELECT #{memberId} AS id) m LEFT JOIN member_purchase_fact f ON f.member_id = m.id")
    Row facts(long memberId);

    /** Members joined ({@code present}) or left a segment at {@code version}; a row already changed by a later version stays. */
    @Insert("<script>INSERT INTO member_insight_segment (segment_id, member_id, present, version) VALUES "
            + "<foreach collection='members' item='m' separator=','>(#{segmentId}, #{m}, #{present}, #{version})</foreach> "
            + "ON DUPLICATE KEY UPDATE present = IF(VALUES(version) > version, VALUES(present), present), "
            + "version = GREATEST(version, VALUES(version))</script>")
    int changeSegment(@Param("segmentId") long segmentId, @Param("members") List<Long> members, @Param("present") boolean present,
                      @Param("version") long version);

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
