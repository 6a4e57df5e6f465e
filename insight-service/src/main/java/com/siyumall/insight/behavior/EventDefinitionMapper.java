package com.siyumall.insight.behavior;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;

import java.time.Instant;
import java.util.List;

@Mapper
interface EventDefinitionMapper {
    record Row(String name, String label, String propertyKeys, long updatedBy, Instant updatedAt) {}

    @Select("SELECT name, label, property_keys, updated_by, updated_at FROM event_definition ORDER BY name")
    List<Row> all();

    @Insert("INSERT INTO event_definition (name, label, property_keys, updated_by, created_at, updated_at) "
            + "VALUES (#{name}, #{label}, #{keys}, #{by}, #{at}, #{at}) "
            + "ON DUPLICATE KEY UPDATE label = VALUES(label), property_keys = VALUES(property_keys), updated_by = VALUES(updated_by), "
            + "updated_at = VALUES(updated_at)")
    int put(@Param("name") String name, @Param("label") String label, @Param("keys") String propertyKeys, @Param("by") long by,
            @Param("at") Instant at);

    @Delete("DELETE FROM event_definition WHERE name = #{name}")
    int delete(String name);
}
