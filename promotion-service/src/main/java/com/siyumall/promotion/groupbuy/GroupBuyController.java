package com.siyumall.promotion.groupbuy;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Group-buy")
class GroupBuyController {
    /** How many joinable groups each activity of the list shows. */
    private static final int GROUPS_SHOWN = 3;

    private final GroupBuys groupBuys;
    private final MemberFaces memberFaces;
    private final CatalogSkus catalog;

    GroupBuyController(GroupBuys groupBuys, MemberFaces memberFaces, CatalogSkus catalog) {
        this.memberFaces = memberFaces;
        this.groupBuys = groupBuys;
        this.catalog = catalog;
    }

    record GroupBuyActivityRequest(@NotBlank @Size(max = 64) String name, @NotNull Long skuId, @NotNull @Min(1) Long groupPrice,
                           @NotNull @Min(2) @Max(10) Integer groupSize, @NotNull @Min(5) @Max(10_080) Integer durationMinutes,
                           @NotNull @Min(1) @Max(100) Integer perMemberLimit, Boolean newMembersOnly, Boolean virtualCompletion,
                           @NotNull Instant startsAt, @NotNull Instant endsAt) {}

    record SeatRequest(@NotNull Long memberId, @NotNull Long activityId, Long groupId, @NotBlank @Size(max = 32) String orderNo) {}

    /** A member as strangers see them: masked nickname and avatar, no id. */
    @Schema(name = "GroupBuyMember")
    record Member(String nickname, String avatarUrl, boolean leader, boolean paid) {}

    record GroupView(Long groupId, Long activityId, String activityName, Long skuId, long groupPrice, int groupSize, int seatsPaid,
                     int seatsLeft, String status, boolean virtualCompleted, Instant expiresAt, List<Member> members) {}

    @PostMapping("/admin/group-buy-activities")
    @Idempotent(value = "group-buy.activity-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A group-buy activity: SKU, group price, size 2-10, duration, per-member limit, new members only, virtual completion")
    GroupBuyActivity create(@Valid @RequestBody GroupBuyActivityRequest r) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        GroupBuyActivity activity = GroupBuyActivity.define(r.name(), r.skuId(), r.groupPrice(), r.groupSize(), r.durationMinutes(),
                r.perMemberLimit(), Boolean.TRUE.equals(r.newMembersOnly()), Boolean.TRUE.equals(r.virtualCompletion()), r.startsAt(),
                r.endsAt());
        return groupBuys.create(activity, catalog.spuOf(activity.skuId()), merchantId);
    }

    @GetMapping("/admin/group-buy-activities")
    @Operation(summary = "Group-buy activities, newest first")
    PageResult<GroupBuyActivity> list(@Valid PageQuery page) {
        return PageResult.of(groupBuys.page(page), activity -> activity);
    }

    @PostMapping("/admin/group-buy-activities/{activityId}/stop")
    GroupBuyActivity stop(@PathVariable long activityId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return groupBuys.stop(activityId);
    }

    @Schema(name = "JoinableGroup")
    record JoinableGroup(Long groupId, int seatsLeft, Instant expiresAt, List<Member> members) {}

    @Schema(name = "RunningGroupBuy")
    record RunningGroupBuy(Long activityId, String name, Long skuId, long groupPrice, int groupSize, boolean newMembersOnly,
                           Instant endsAt, @Schema(description = "up to 3 groups to join, the soonest ending first") List<JoinableGroup> groups) {}

    @GetMapping("/api/group-buys")
    @Operation(summary = "Group-buys running now (public), of a product (spuId) or a SKU when given, the soonest ending "
            + "first, each with the groups a shopper can still join and who is in them (masked)")
    PageResult<RunningGroupBuy> running(@Valid PageQuery page, @RequestParam(required = false) Long spuId,
                                        @RequestParam(required = false) Long skuId) {
        IPage<GroupBuyActivity> activities = groupBuys.running(page, spuId, skuId);
        Map<Long, List<GroupBuyMapper.Group>> groupsOf = new HashMap<>();
        Map<Long, List<GroupBuyMapper.Seat>> seatsOf = new HashMap<>();
        for (GroupBuyActivity activity : activities.getRecords()) {
            List<GroupBuyMapper.Group> groups = groupBuys.joinable(activity.id(), GROUPS_SHOWN);
            groupsOf.put(activity.id(), groups);
            groups.forEach(group -> seatsOf.put(group.id(), groupBuys.seats(group.id())));
        }
        // one call to member-service for the whole page
        Map<Long, MemberFaces.Face> faces = memberFaces.byId(seatsOf.values().stream().flatMap(List::stream)
                .map(GroupBuyMapper.Seat::memberId).distinct().toList());
        return PageResult.of(activities, activity -> new RunningGroupBuy(activity.id(), activity.name(), activity.skuId(),
                activity.groupPrice(), activity.groupSize(), activity.newMembersOnly(), activity.endsAt(),
                groupsOf.get(activity.id()).stream().map(g -> new JoinableGroup(g.id(), g.groupSize() - g.seatsTaken(), g.expiresAt(),
                        membersOf(seatsOf.get(g.id()), faces))).toList()));
    }

    /** Who is in a group as strangers see them. */
    private static List<Member> membersOf(List<GroupBuyMapper.Seat> seats, Map<Long, MemberFaces.Face> faces) {
        return seats.stream().map(seat -> {
            MemberFaces.Face face = faces.get(seat.memberId());
            return new Member(face.nickname(), face.avatarUrl(), seat.leader(), "PAID".equals(seat.status()));
        }).toList();
    }

    @GetMapping("/api/group-buys/groups/{groupId}")
    @Operation(summary = "A group as its share page shows it (public): who is in, seats left, time left")
    GroupView group(@PathVariable long groupId) {
        GroupBuyMapper.Group group = groupBuys.group(groupId);
        GroupBuyActivity activity = groupBuys.activity(group.activityId());
        List<GroupBuyMapper.Seat> seats = groupBuys.seats(groupId);
        List<Member> members = membersOf(seats, memberFaces.byId(seats.stream().map(GroupBuyMapper.Seat::memberId).distinct().toList()));
        return new GroupView(group.id(), activity.id(), activity.name(), activity.skuId(), activity.groupPrice(), group.groupSize(),
                group.seatsPaid(), group.groupSize() - group.seatsTaken(), group.status(), group.virtualCompleted(), group.expiresAt(), members);
    }

    @GetMapping("/internal/group-buys/activities/{activityId}")
    @Operation(summary = "The activity, for checkout's open and join endpoints")
    GroupBuyActivity activity(@PathVariable long activityId) {
        return groupBuys.activity(activityId);
    }

    @GetMapping("/internal/group-buys/groups/{groupId}")
    GroupBuyMapper.Group groupForCheckout(@PathVariable long groupId) {
        return groupBuys.group(groupId);
    }

    @PostMapping("/internal/group-buys/seats")
    @Operation(summary = "Take a seat for an order: a new group (no groupId) or a seat in an open one (409 GROUP_FULL); repeatable")
    GroupBuyMapper.Seat claimSeat(@Valid @RequestBody SeatRequest request) {
        return groupBuys.claimSeat(request.memberId(), request.activityId(), request.groupId(), request.orderNo());
    }

    @PostMapping("/internal/group-buys/seats/{orderNo}/release")
    ResponseEntity<Void> releaseSeat(@PathVariable String orderNo) {
        groupBuys.releaseSeat(orderNo);
        return ResponseEntity.noContent().build();
    }
}
