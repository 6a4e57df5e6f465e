package com.siyumall.member.subscription;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface SubscriptionMapper {
    record Template(String kind, String templateId, String page, boolean enabled) {}

    record Unused(String templateId, int count) {}

    @Select("SELECT kind, template_id, page, enabled FROM subscription_template ORDER BY kind")
    List<Template> templates();

    @Select("SELECT kind, template_id, page, enabled FROM subscription_template WHERE kind = #{kind}")
    Template template(String kind);

    @Update("UPDATE subscription_template SET template_id = #{templateId}, page = #{page}, enabled = #{enabled}, updated_at = #{at} "
            + "WHERE kind = #{kind}")
    int setTemplate(@Param("kind") String kind, @Param("templateId") String templateId, @Param("page") String page,
                    @Param("enabled") boolean enabled, @Param("at") Instant at);

    @Insert("INSERT INTO subscription_acceptance (id, member_id, template_id, accepted_at) VALUES (#{id}, #{memberId}, #{templateId}, #{at})")
    int accept(@Param("id") long id, @Param("memberId") long memberId, @Param("templateId") String templateId, @Param("at") Instant at);

    @Select("SELECT template_id, COUNT(*) AS count FROM subscription_acceptance WHERE member_id = #{memberId} AND used_at IS NULL "
            + "GROUP BY template_id ORDER BY template_id")
    List<Unused> unused(long memberId);

    /** Uses the member's oldest unused acceptance of the template; 0 when there is none. */
    @Update("UPDATE subscription_acceptance SET used_at = #{at}, used_for = #{cause} "
            + "WHERE member_id = #{memberId} AND template_id = #{templateId} AND used_at IS NULL ORDER BY accepted_at, id LIMIT 1")
    int use(@Param("memberId") long memberId, @Param("templateId") String templateId, @Param("cause") String cause, @Param("at") Instant at);

    /** WeChat did not take the message: the acceptance it used is still good. */
    @Update("UPDATE subscription_acceptance SET used_at = NULL, used_for = NULL WHERE member_id = #{memberId} AND used_for = #{cause}")
    int giveBack(@Param("memberId") long memberId, @Param("cause") String cause);

    /** 1 when this (member, cause) is sent for the first time; 0 when it was handled before. */
    @Insert("INSERT IGNORE INTO subscription_send (id, member_id, template_id, cause, status, created_at) "
            + "VALUES (#{id}, #{memberId}, #{templateId}, #{cause}, 'PENDING', #{at})")
    int claim(@Param("id") long id, @Param("memberId") long memberId, @Param("templateId") String templateId,
              @Param("cause") String cause, @Param("at") Instant at);

    @Update("UPDATE subscription_send SET status = #{status}, error_code = #{errorCode} WHERE id = #{id}")
    int settle(@Param("id") long id, @Param("status") String status, @Param("errorCode") Integer errorCode);

    @Select("<script>SELECT m.id FROM member m"
            + "<if test='tag != null'> JOIN member_tag t ON t.member_id = m.id AND t.tag = #{tag}</if>"
            + "<if test='guideId != null'> JOIN guide_binding b ON b.member_id = m.id AND b.guide_id = #{guideId}</if>"
            + "<if test='segmentId != null'> JOIN member_segment s ON s.member_id = m.id AND s.segment_id = #{segmentId} AND s.present = 1</if>"
            + " WHERE 1 = 1<if test='levelCode != null'> AND m.level_code = #{levelCode}</if>"
            + " ORDER BY m.id LIMIT #{limit}</script>")
    List<Long> segment(@Param("levelCode") String levelCode, @Param("tag") String tag, @Param("guideId") Long guideId,
                       @Param("segmentId") Long segmentId, @Param("limit") int limit);

    /** Members joined ({@code present}) or left a segment at {@code version}; a row already changed by a later version stays. */
    @Insert("<script>INSERT INTO member_segment (segment_id, member_id, present, version) VALUES "
            + "<foreach collection='members' item='m' separator=','>(#{segmentId}, #{m}, #{present}, #{version})</foreach> "
            + "ON DUPLICATE KEY UPDATE present = IF(VALUES(version) > version, VALUES(present), present), "
            + "version = GREATEST(version, VALUES(version))</script>")
    int changeSegment(@Param("segmentId") long segmentId, @Param("members") List<Long> members, @Param("present") boolean present,
                      @Param("version") long version);

    @Insert("INSERT INTO subscription_push (id, kind, segment, targeted, sent, skipped, failed, created_by, created_at) "
            + "VALUES (#{id}, #{kind}, #{segment}, #{targeted}, #{sent}, #{skipped}, #{failed}, #{createdBy}, #{at})")
    int logPush(@Param("id") long id, @Param("kind") String kind, @Param("segment") String segment, @Param("targeted") int targeted,
                @Param("sent") int sent, @Param("skipped") int skipped, @Param("failed") int failed,
                @Param("createdBy") Long createdBy, @Param("at") Instant at);
}
