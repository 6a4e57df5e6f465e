package com.siyumall.order.clients;

import org.springframework.stereotype.Component;

/** Coupons through promotion-service, points through member-service. */
@Component
class RemoteBenefits implements Benefits {
    private final PromotionClient promotions;
    private final MemberClient members;

    RemoteBenefits(PromotionClient promotions, MemberClient members) {
        this.promotions = promotions;
        this.members = members;
    }

    @Override
    public void lockCoupon(long memberId, long couponId, String orderNo) {
        promotions.lockCoupon(memberId, couponId, orderNo);
    }

    @Override
    public void unlockCoupon(long memberId, long couponId, String orderNo) {
        promotions.unlockCoupon(memberId, couponId, orderNo);
    }

    @Override
    public void claimFirstPurchase(long memberId, String orderNo, long activityId) {
        promotions.claimFirstPurchase(memberId, orderNo, activityId);
    }

    @Override
    public void releaseFirstPurchase(String orderNo) {
        promotions.releaseFirstPurchase(orderNo);
    }

    @Override
    public long takeGroupBuySeat(long memberId, PromotionClient.GroupBuyRef groupBuy, String orderNo) {
        return promotions.takeSeat(memberId, groupBuy, orderNo).groupId();
    }

    @Override
    public void releaseGroupBuySeat(String orderNo) {
        promotions.releaseSeat(orderNo);
    }

    @Override
    public void holdPoints(long memberId, long points, String orderNo) {
        members.holdPoints(memberId, points, orderNo);
    }

    @Override
    public void releasePoints(long memberId, long points, String orderNo) {
        members.releasePoints(orderNo);
    }
}
