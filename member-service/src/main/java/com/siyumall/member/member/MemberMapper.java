package com.siyumall.member.member;

import com.baomidou.mybatisplus.core.mapper.BaseMapper;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface MemberMapper extends BaseMapper<Member> {

    @Select("SELECT * FROM member WHERE unionid = #{unionid}")
    Member findByUnionid(String unionid);

    @Select("SELECT id FROM member WHERE phone = #{phone}")
    Long idByPhone(String phone);

    /** Gives a member found by openid the unionid WeChat now reveals, unless another member already holds it. */
    @Update("UPDATE member SET unionid = #{unionid}, updated_at = #{at} WHERE id = #{id} AND unionid IS NULL "
            + "AND NOT EXISTS (SELECT 1 FROM (SELECT id FROM member WHERE unionid = #{unionid}) other)")
    int adoptUnionid(@Param("id") long id, @Param("unionid") String unionid, @Param("at") Instant at);

    @Update("UPDATE member SET last_scene = #{t.scene}, last_channel = #{t.channel}, last_store_id = #{t.storeId}, "
            + "last_guide_id = #{t.guideId}, last_login_at = #{at}, updated_at = #{at} WHERE id = #{id}")
    int recordTouch(@Param("id") long id, @Param("t") Touch touch, @Param("at") Instant at);

    @Select("SELECT member_id FROM member_wechat_identity WHERE app_id = #{appId} AND openid = #{openid}")
    Long memberIdByOpenid(@Param("appId") String appId, @Param("openid") String openid);

    @Insert("INSERT INTO member_wechat_identity (app_id, openid, unionid, member_id, created_at) "
            + "VALUES (#{appId}, #{openid}, #{unionid}, #{memberId}, #{at})")
    int insertIdentity(@Param("appId") String appId, @Param("openid") String openid, @Param("unionid") String unionid,
                       @Param("memberId") long memberId, @Param("at") Instant at);

    @Insert("INSERT INTO member_login (id, member_id, app_id, scene, channel, inviter_id, store_id, guide_id, new_member, logged_at) "
            + "VALUES (#{id}, #{memberId}, #{appId}, #{t.scene}, #{t.channel}, #{t.inviterId}, #{t.storeId}, #{t.guideId}, #{newMember}, #{at})")
    int insertLogin(@Param("id") long id, @Param("memberId") long memberId, @Param("appId") String appId,
                    @Param("t") Touch touch, @Param("newMember") boolean newMember, @Param("at") Instant at);

    @Select("SELECT openid FROM member_wechat_identity WHERE member_id = #{memberId} AND app_id = #{appId}")
    String openidOf(@Param("memberId") long memberId, @Param("appId") String appId);

    @Select("SELECT COUNT(*) FROM member_wechat_identity WHERE member_id = #{memberId}")
    int identityCount(long memberId);

    record Binding(long memberId, long guideId, long storeId) {}

    @Select("<script>SELECT member_id, guide_id, store_id FROM guide_binding WHERE member_id IN "
            + "<foreach collection='memberIds' item='id' open='(' separator=',' close=')'>#{id}</foreach></script>")
    List<Binding> bindingsOf(@Param("memberIds") List<Long> memberIds);
}
