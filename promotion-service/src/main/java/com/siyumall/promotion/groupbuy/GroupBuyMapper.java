package com.siyumall.promotion.groupbuy;

import com.baomidou.mybatisplus.core.metadata.IPage;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.apache.ibatis.annotations.Update;

import java.time.Instant;
import java.util.List;

@Mapper
interface GroupBuyMapper {
    String ACTIVITY_COLUMNS = "id, name, sku_id, group_price, group_size, duration_minutes, per_member_limit, new_members_only, "
            + "virtual_completion, starts_at, ends_at, status";
    String GROUP_COLUMNS = "id, activity_id, leader_member_id, group_size, seats_taken, seats_paid, status, virtual_completed, expires_at";

    /** A group and its rules: joinable while open and in time; complete when every seat is paid. */
    record Group(long id, long activityId, long leaderMemberId, int groupSize, int seatsTaken, int seatsPaid, String status,
                 boolean virtualCompleted, Instant expiresAt) {
        boolean isOpen() {
            return "OPEN".equals(status);
        }

        boolean isJoinableAt(Instant now) {
            return isOpen() && now.isBefore(expiresAt);
        }

        boolean isFull() {
            return seatsTaken >= groupSize;
        }

        /** Whether one more paid seat completes it. */
        boolean completesWithOneMorePaid() {
            return isOpen() && seatsPaid + 1 == groupSize;
        }
    }

    record Seat(long id, long groupId, long activityId, long memberId, String orderNo, boolean leader, String status) {}

    @Insert("INSERT INTO group_buy_activity (" + ACTIVITY_COLUMNS + ", spu_id, created_by, created_at, updated_at) VALUES (#{id}, #{a.name}, "
            + "#{a.skuId}, #{a.groupPrice}, #{a.groupSize}, #{a.durationMinutes}, #{a.perMemberLimit}, #{a.newMembersOnly}, "
            + "#{a.virtualCompletion}, #{a.startsAt}, #{a.endsAt}, #{a.status}, #{spuId}, #{by}, #{at}, #{at})")
    int insertActivity(@Param("id") long id, @Param("a") GroupBuyActivity activity, @Param("spuId") Long spuId,
                       @Param("by") long createdBy, @Param("at") Instant at);

    /** Activities running at {@code now}, of a product or a SKU when given, the soonest ending first. */
    @Select("<script>SELECT " + ACTIVITY_COLUMNS + " FROM group_buy_activity WHERE status = 'ACTIVE' AND starts_at &lt;= #{now} "
            + "AND ends_at &gt; #{now}<if test='spuId != null'> AND spu_id = #{spuId}</if><if test='skuId != null'> AND sku_id = #{skuId}</if> "
            + "ORDER BY ends_at, id</script>")
    IPage<GroupBuyActivity> running(IPage<GroupBuyActivity> page, @Param("now") Instant now, @Param("spuId") Long spuId,
                                    @Param("skuId") Long skuId);

    /** An activity's groups a shopper can still join at {@code now}, the soonest ending first. */
    @Select("SELECT " + GROUP_COLUMNS + " FROM group_buy_group WHERE activity_id = #{activityId} AND status = 'OPEN' "
            + "AND expires_at > #{now} AND seats_taken < group_size ORDER BY expires_at, id LIMIT #{limit}")
    List<Group> joinable(@Param("activityId") long activityId, @Param("now") Instant now, @Param("limit") int limit);

    @Select("SELECT " + ACTIVITY_COLUMNS + " FROM group_buy_activity WHERE id = #{id}")
    GroupBuyActivity activity(long id);

    @Select("SELECT " + ACTIVITY_COLUMNS + " FROM group_buy_activity ORDER BY created_at DESC, id DESC")
    IPage<GroupBuyActivity> page(IPage<GroupBuyActivity> page);

    @Update("UPDATE group_buy_activity SET status = 'STOPPED', updated_at = #{at} WHERE id = #{id}")
    int stop(@Param("id") long id, @Param("at") Instant at);

    @Insert("INSERT INTO group_buy_group (id, activity_id, leader_member_id, group_size, seats_taken, status, expires_at, created_at, updated_at) "
            + "VALUES (#{id}, #{activityId}, #{leader}, #{size}, 1, 'OPEN', #{expiresAt}, #{at}, #{at})")
    int openGroup(@Param("id") long id, @Param("activityId") long activityId, @Param("leader") long leaderMemberId,
                  @Param("size") int size, @Param("expiresAt") Instant expiresAt, @Param("at") Instant at);

    @Select("SELECT " + GROUP_COLUMNS + " FROM group_buy_group WHERE id = #{id}")
    Group group(long id);

    @Select("SELECT " + GROUP_COLUMNS + " FROM group_buy_group WHERE id = #{id} FOR UPDATE")
    Group lockGroup(long id);

    /** 1 when a seat was free in the open group (and is now taken); 0 when it is full or no longer open. */
    @Update("UPDATE group_buy_group SET seats_taken = seats_taken + 1, updated_at = #{at} "
            + "WHERE id = #{id} AND status = 'OPEN' AND seats_taken < group_size")
    int takeSeat(@Param("id") long groupId, @Param("at") Instant at);

    @Update("UPDATE group_buy_group SET seats_taken = seats_taken - 1, updated_at = #{at} WHERE id = #{id} AND status = 'OPEN'")
    int freeSeat(@Param("id") long groupId, @Param("at") Instant at);

    @Update("UPDATE group_buy_group SET seats_paid = seats_paid + 1, updated_at = #{at} WHERE id = #{id}")
    int seatPaid(@Param("id") long groupId, @Param("at") Instant at);

    @Update("UPDATE group_buy_group SET status = #{status}, virtual_completed = #{virtual}, finished_at = #{at}, updated_at = #{at} "
            + "WHERE id = #{id} AND status = 'OPEN'")
    int finish(@Param("id") long groupId, @Param("status") String status, @Param("virtual") boolean virtual, @Param("at") Instant at);

    @Insert("INSERT INTO group_buy_seat (id, group_id, activity_id, member_id, order_no, leader, status, created_at, updated_at) "
            + "VALUES (#{id}, #{groupId}, #{activityId}, #{memberId}, #{orderNo}, #{leader}, 'HELD', #{at}, #{at})")
    int insertSeat(@Param("id") long id, @Param("groupId") long groupId, @Param("activityId") long activityId,
                   @Param("memberId") long memberId, @Param("orderNo") String orderNo, @Param("leader") boolean leader,
                   @Param("at") Instant at);

    @Select("SELECT id, group_id, activity_id, member_id, order_no, leader, status FROM group_buy_seat WHERE order_no = #{orderNo}")
    Seat seatOfOrder(String orderNo);

    @Select("SELECT id, group_id, activity_id, member_id, order_no, leader, status FROM group_buy_seat "
            + "WHERE group_id = #{groupId} AND status <> 'RELEASED' ORDER BY leader DESC, created_at")
    List<Seat> seats(long groupId);

    /**
     * The group's seats as committed now (a locking read): a plain read inside the transaction would see the snapshot
     * taken before this transaction waited for the group's lock, and miss seats paid or taken meanwhile.
     */
    @Select("SELECT id, group_id, activity_id, member_id, order_no, leader, status FROM group_buy_seat "
            + "WHERE group_id = #{groupId} AND status <> 'RELEASED' ORDER BY leader DESC, created_at LOCK IN SHARE MODE")
    List<Seat> seatsNow(long groupId);

    @Select("SELECT COUNT(*) FROM group_buy_seat WHERE group_id = #{groupId} AND member_id = #{memberId} AND status <> 'RELEASED' "
            + "LOCK IN SHARE MODE")
    int seatsOfMemberInGroup(@Param("groupId") long groupId, @Param("memberId") long memberId);

    /** A plain read, taken before any group lock: locking here deadlocked against joiners inserting their seats. */
    @Select("SELECT COUNT(*) FROM group_buy_seat WHERE activity_id = #{activityId} AND member_id = #{memberId} AND status <> 'RELEASED'")
    int seatsOfMemberInActivity(@Param("activityId") long activityId, @Param("memberId") long memberId);

    @Update("UPDATE group_buy_seat SET status = #{to}, updated_at = #{at} WHERE order_no = #{orderNo} AND status = #{from}")
    int moveSeat(@Param("orderNo") String orderNo, @Param("from") String from, @Param("to") String to, @Param("at") Instant at);

    /** Orders still holding seats they took before {@code before}: candidates for the abandoned-hold sweep. */
    @Select("SELECT order_no FROM group_buy_seat WHERE status = 'HELD' AND created_at < #{before} AND order_no > #{after} "
            + "ORDER BY order_no LIMIT #{limit}")
    List<String> seatsHeldBefore(@Param("before") Instant before, @Param("after") String after, @Param("limit") int limit);
}
