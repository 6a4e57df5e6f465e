package com.siyumall.order.clients;

import com.siyumall.common.security.InternalClients;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.web.client.RestClient;

import java.util.List;

/** promotion-service's internal API: the price chain of a basket, and locking coupons for orders. */
@Component
public class PromotionClient {
    private final RestClient http;

    PromotionClient(InternalClients clients, @Value("${siyumall.services.promotion}") String promotionUrl) {
        this.http = clients.forBaseUrl(promotionUrl);
    }

    public record Line(long skuId, long spuId, Long categoryId, long price, int quantity) {}

    public record Discount(String kind, long amount, String label, Long couponId) {}

    public record Quote(long itemsAmount, List<Discount> discounts, long pointsUsed, long pointsAmount, long payAmount,
                        Long firstPurchaseActivityId, GroupBuyRef groupBuy) {}

    /** A group-buy order: the activity and the group to join (null: open one). */
    public record GroupBuyRef(long activityId, Long groupId) {}

    /** The seat the order took, in its group. */
    public record Seat(long groupId, String orderNo, boolean leader, String status) {}

    private record SeatRequest(long memberId, long activityId, Long groupId, String orderNo) {}

    /** The member's terms, as member-service gives them, for the chain's level and points steps. */
    public record MemberTerms(String levelName, int levelDiscountPercent, long pointsBalance, long pointsPerYuan, int maxPointsDeductPercent) {}

    private record QuoteRequest(long memberId, Long couponId, boolean usePoints, MemberTerms member, GroupBuyRef groupBuy, List<Line> lines) {}

    private record OrderRef(long memberId, String orderNo) {}

    public Quote quote(long memberId, Long couponId, boolean usePoints, MemberTerms member, GroupBuyRef groupBuy, List<Line> lines) {
        return http.post().uri("/internal/pricing/quote").body(new QuoteRequest(memberId, couponId, usePoints, member, groupBuy, lines))
                .retrieve().body(Quote.class);
    }

    /** Takes the order's seat in a group (a new group when groupId is null); a relayed 409 GROUP_FULL when it is full. */
    public Seat takeSeat(long memberId, GroupBuyRef groupBuy, String orderNo) {
        return http.post().uri("/internal/group-buys/seats").body(new SeatRequest(memberId, groupBuy.activityId(), groupBuy.groupId(), orderNo))
                .retrieve().body(Seat.class);
    }

    /** What checkout needs of a group-buy activity and group (relayed 404s when unknown). */
    public record GroupBuyActivity(long id, long skuId) {}

    public record GroupBuyGroup(long id, long activityId) {}

    public GroupBuyActivity groupBuyActivity(long activityId) {
        return http.get().uri("/internal/group-buys/activities/{id}", activityId).retrieve().body(GroupBuyActivity.class);
    }

    public GroupBuyGroup groupBuyGroup(long groupId) {
        return http.get().uri("/internal/group-buys/groups/{id}", groupId).retrieve().body(GroupBuyGroup.class);
    }

    public void releaseSeat(String orderNo) {
        http.post().uri("/internal/group-buys/seats/{orderNo}/release", orderNo).retrieve().toBodilessEntity();
    }

    private record FirstPurchaseClaim(long memberId, String orderNo, long activityId) {}

    /** Lets the order take the member's first-purchase price; a relayed 409 FIRST_PURCHASE_TAKEN when another order has it. */
    public void claimFirstPurchase(long memberId, String orderNo, long activityId) {
        http.post().uri("/internal/first-purchase/claims").body(new FirstPurchaseClaim(memberId, orderNo, activityId))
                .retrieve().toBodilessEntity();
    }

    public void releaseFirstPurchase(String orderNo) {
        http.post().uri("/internal/first-purchase/claims/{orderNo}/release", orderNo).retrieve().toBodilessEntity();
    }

    public void lockCoupon(long memberId, long couponId, String orderNo) {
        http.post().uri("/internal/coupons/{id}/lock", couponId).body(new OrderRef(memberId, orderNo)).retrieve().toBodilessEntity();
    }

    public void unlockCoupon(long memberId, long couponId, String orderNo) {
        http.post().uri("/internal/coupons/{id}/unlock", couponId).body(new OrderRef(memberId, orderNo)).retrieve().toBodilessEntity();
    }
}
