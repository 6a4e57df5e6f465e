package com.siyumall.insight.segments;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface SegmentMapper {
    record Row(long id, String name, String kind, String params, int members, Instant computedAt, long createdBy, Instant createdAt) {}

    @Insert("INSERT INTO segment (id, name, kind, params, created_by, created_at, updated_at) "
            + "VALUES (#{id}, #{name}, #{kind}, #{params}, #{by}, #{at}, #{at})")
    int insert(@Param("id") long id, @Param("name") String name, @Param("kind") String kind, @Param("params") String params,
               @Param("by") long createdBy, @Param("at") Instant at);

    @Select("SELECT id, name, kind, params, members, computed_at, created_by, created_at FROM segment WHERE id = #{id} AND deleted = 0")
    Row find(long id);

    @Select("SELECT id, name, kind, params, members, computed_at, created_by, created_at FROM segment WHERE deleted = 0 "
            + "ORDER BY id DESC LIMIT #{limit} OFFSET #{offset}")
    List<Row> page(@Param("offset") long offset, @Param("limit") int limit);

    @Select("SELECT COUNT(*) FROM segment WHERE deleted = 0")
    long count();

    @Select("SELECT id FROM segment WHERE deleted = 0 ORDER BY id")
    List<Long> live();

    /** Taken before a computation: two refreshes of one segment wait for each other. */
    @Select("SELECT id FROM segment WHERE id = #{id} AND deleted = 0 FOR UPDATE")
    Long lock(long id);

    @Select("SELECT member_id FROM segment_member WHERE segment_id = #{id} ORDER BY member_id")
    List<Long> members(long id);

    @Select("SELECT member_id FROM segment_member WHERE segment_id = #{id} ORDER BY member_id LIMIT #{limit} OFFSET #{offset}")
    List<Long> membersPage(@Param("id") long id, @Param("offset") long offset, @Param("limit") int limit);

    @Insert("<script>INSERT IGNORE INTO segment_member (segment_id, member_id) VALUES "
            + "<foreach collection='members' item='m' separator=','>(#{id}, #{m})</foreach></script>")
    int add(@Param("id") long id, @Param("members") List<Long> members);

    @Update("<script>DELETE FROM segment_member WHERE segment_id = #{id} AND member_id IN "
            + "<foreach collection='members' item='m' open='(' separator=',' close=')'>#{m}</foreach></script>")
    int remove(@Param("id") long id, @Param("members") List<Long> members);

    @Update("UPDATE segment SET members = #{members}, computed_at = #{at}, updated_at = #{at} WHERE id = #{id}")
    int computed(@Param("id") long id, @Param("members") int members, @Param("at") Instant at);

    @Update("UPDATE segment SET deleted = 1, updated_at = #{at} WHERE id = #{id} AND deleted = 0")
    int delete(@Param("id") long id, @Param("at") Instant at);
}
