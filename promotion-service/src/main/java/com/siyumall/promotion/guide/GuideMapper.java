package com.siyumall.promotion.guide;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface GuideMapper {
    /** {@code templateName}: so a guide picks a coupon by what it is called, not by its id. */
    record Quota(long guideId, long templateId, String templateName, int quota, int used) {}

    record QrCode(long id, String scene, long guideId, long storeId, Long templateId, Instant createdAt) {}

    /** Keeps the newest binding: an older event arriving late does not undo a newer one. */
    @Insert("INSERT INTO guide_customer (member_id, guide_id, store_id, bound_at, updated_at) VALUES (#{memberId}, #{guideId}, #{storeId}, #{boundAt}, #{at}) "
            + "ON DUPLICATE KEY UPDATE guide_id = IF(VALUES(bound_at) >= bound_at, VALUES(guide_id), guide_id), "
            + "store_id = IF(VALUES(bound_at) >= bound_at, VALUES(store_id), store_id), "
            + "bound_at = GREATEST(bound_at, VALUES(bound_at)), updated_at = VALUES(updated_at)")
    int bind(@Param("memberId") long memberId, @Param("guideId") long guideId, @Param("storeId") long storeId,
             @Param("boundAt") Instant boundAt, @Param("at") Instant at);

    @Select("SELECT guide_id FROM guide_customer WHERE member_id = #{memberId}")
    Long guideOf(long memberId);

    @Insert("INSERT INTO guide_coupon_quota (guide_id, template_id, quota, used, updated_by, updated_at) "
            + "VALUES (#{guideId}, #{templateId}, #{quota}, 0, #{by}, #{at}) "
            + "ON DUPLICATE KEY UPDATE quota = VALUES(quota), updated_by = VALUES(updated_by), updated_at = VALUES(updated_at)")
    int setQuota(@Param("guideId") long guideId, @Param("templateId") long templateId, @Param("quota") int quota,
                 @Param("by") long merchantId, @Param("at") Instant at);

    @Select("SELECT q.guide_id, q.template_id, t.name, q.quota, q.used FROM guide_coupon_quota q JOIN coupon_template t ON t.id = q.template_id "
            + "WHERE q.template_id = #{templateId} ORDER BY q.guide_id")
    List<Quota> quotasOfTemplate(long templateId);

    @Select("SELECT q.guide_id, q.template_id, t.name, q.quota, q.used FROM guide_coupon_quota q JOIN coupon_template t ON t.id = q.template_id "
            + "WHERE q.guide_id = #{guideId} ORDER BY q.template_id")
    List<Quota> quotasOfGuide(long guideId);

    /** 1 when the guide had one left (and now has one less); 0 when the quota is used up or was never given. */
    @Update("UPDATE guide_coupon_quota SET used = used + 1 WHERE guide_id = #{guideId} AND template_id = #{templateId} AND used < quota")
    int takeOne(@Param("guideId") long guideId, @Param("templateId") long templateId);

    @Update("UPDATE guide_coupon_quota SET used = used - 1 WHERE guide_id = #{guideId} AND template_id = #{templateId} AND used > 0")
    int returnOne(@Param("guideId") long guideId, @Param("templateId") long templateId);

    @Insert("INSERT INTO guide_coupon_issue (id, guide_id, store_id, member_id, template_id, coupon_id, status, failure, created_at) "
            + "VALUES (#{id}, #{guideId}, #{storeId}, #{memberId}, #{templateId}, #{couponId}, #{status}, #{failure}, #{at})")
    int logIssue(@Param("id") long id, @Param("guideId") long guideId, @Param("storeId") Long storeId, @Param("memberId") long memberId,
                 @Param("templateId") long templateId, @Param("couponId") Long couponId, @Param("status") String status,
                 @Param("failure") String failure, @Param("at") Instant at);

    @Insert("INSERT INTO guide_qrcode (id, scene, guide_id, store_id, template_id, created_at) "
            + "VALUES (#{id}, #{scene}, #{guideId}, #{storeId}, #{templateId}, #{at})")
    int insertQrCode(@Param("id") long id, @Param("scene") String scene, @Param("guideId") long guideId, @Param("storeId") long storeId,
                     @Param("templateId") Long templateId, @Param("at") Instant at);

    @Select("SELECT id, scene, guide_id, store_id, template_id, created_at FROM guide_qrcode WHERE scene = #{scene}")
    QrCode qrCode(String scene);
}
