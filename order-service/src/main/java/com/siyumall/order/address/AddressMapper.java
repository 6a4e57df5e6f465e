package com.siyumall.order.address;

import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface AddressMapper {
    String COLUMNS = "id, member_id, name, phone, region_code, province, city, district, detail, is_default, created_at, updated_at";

    @Select("SELECT " + COLUMNS + " FROM member_address WHERE member_id = #{memberId} ORDER BY is_default DESC, updated_at DESC, id DESC")
    List<Address> of(long memberId);

    @Select("SELECT " + COLUMNS + " FROM member_address WHERE id = #{id} AND member_id = #{memberId}")
    Address find(@Param("memberId") long memberId, @Param("id") long id);

    /** Creates the member's book row if it is missing; a no-op otherwise. */
    @Insert("INSERT IGNORE INTO address_book (member_id, address_count, updated_at) VALUES (#{memberId}, 0, #{at})")
    void open(@Param("memberId") long memberId, @Param("at") Instant at);

    /** Locks the member's book for the rest of the transaction; 0 when they never saved an address. */
    @Update("UPDATE address_book SET updated_at = #{at} WHERE member_id = #{memberId}")
    int lock(@Param("memberId") long memberId, @Param("at") Instant at);

    /** Counts one more address unless the book is full: 0 rows = full. Locks the book like {@link #lock}. */
    @Update("UPDATE address_book SET address_count = address_count + 1, updated_at = #{at} "
            + "WHERE member_id = #{memberId} AND address_count < #{max}")
    int countOneMore(@Param("memberId") long memberId, @Param("max") int max, @Param("at") Instant at);

    @Update("UPDATE address_book SET address_count = address_count - 1, updated_at = #{at} WHERE member_id = #{memberId} AND address_count > 0")
    int countOneLess(@Param("memberId") long memberId, @Param("at") Instant at);

    @Insert("INSERT INTO member_address (id, member_id, name, phone, region_code, province, city, district, detail, is_default, created_at, updated_at) "
            + "VALUES (#{id}, #{memberId}, #{name}, #{phone}, #{regionCode}, #{province}, #{city}, #{district}, #{detail}, 0, #{createdAt}, #{updatedAt})")
    void insert(Address address);

    @Update("UPDATE member_address SET name = #{name}, phone = #{phone}, region_code = #{regionCode}, province = #{province}, "
            + "city = #{city}, district = #{district}, detail = #{detail}, updated_at = #{updatedAt} WHERE id = #{id} AND member_id = #{memberId}")
    int update(Address address);

    @Delete("DELETE FROM member_address WHERE id = #{id} AND member_id = #{memberId}")
    int delete(@Param("memberId") long memberId, @Param("id") long id);

    /** Two statements, not one: a single UPDATE may set the new default before it clears the old and hit the unique key. */
    @Update("UPDATE member_address SET is_default = 0 WHERE member_id = #{memberId} AND is_default = 1")
    void clearDefault(long memberId);

    @Update("UPDATE member_address SET is_default = 1 WHERE id = #{id} AND member_id = #{memberId}")
    int markDefault(@Param("memberId") long memberId, @Param("id") long id);

    /** The address that becomes the default when the default is deleted: the one changed last. */
    @Select("SELECT id FROM member_address WHERE member_id = #{memberId} ORDER BY updated_at DESC, id DESC LIMIT 1")
    Long lastChanged(long memberId);
}
