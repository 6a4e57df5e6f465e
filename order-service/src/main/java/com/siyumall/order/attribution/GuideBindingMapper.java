package com.siyumall.order.attribution;

import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;

@Mapper
interface GuideBindingMapper {
    record Binding(long guideId, long storeId) {}

    /** The newest binding wins, whatever order the events arrive in. */
    @Insert("INSERT INTO member_guide (member_id, guide_id, store_id, bound_at, updated_at) "
            + "VALUES (#{memberId}, #{guideId}, #{storeId}, #{boundAt}, #{at}) "
            + "ON DUPLICATE KEY UPDATE guide_id = IF(VALUES(bound_at) >= bound_at, VALUES(guide_id), guide_id), "
            + "store_id = IF(VALUES(bound_at) >= bound_at, VALUES(store_id), store_id), "
            + "bound_at = GREATEST(bound_at, VALUES(bound_at)), updated_at = VALUES(updated_at)")
    int bind(@Param("memberId") long memberId, @Param("guideId") long guideId, @Param("storeId") long storeId,
             @Param("boundAt") Instant boundAt, @Param("at") Instant at);

    @Select("SELECT guide_id, store_id FROM member_guide WHERE member_id = #{memberId}")
    Binding bindingOf(long memberId);
}
