package com.siyumall.member.pointsmall;

import com.siyumall.common.error.BusinessException;

import java.time.Instant;

/** A thing members buy with points. Today a coupon (issued by promotion-service); SKU items are not offered yet. */
public record PointsMallItem(Long id, String name, Kind kind, Long couponTemplateId, String image, long pointsPrice,
                             int stockTotal, int stockLeft, int perMemberLimit, Status status, Instant createdAt) {
    public enum Kind { COUPON }

    public enum Status { ON_SHELF, OFF_SHELF }

    /** A new item, checked whole. */
    static PointsMallItem define(String name, Kind kind, Long couponTemplateId, String image, long pointsPrice, int stock,
                                 int perMemberLimit) {
        if (kind == Kind.COUPON && couponTemplateId == null) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "couponTemplateId is required for a COUPON item");
        }
        if (perMemberLimit > stock && stock > 0) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "perMemberLimit <= stock");
        }
        return new PointsMallItem(null, name, kind, couponTemplateId, image, pointsPrice, stock, stock, perMemberLimit, Status.ON_SHELF, null);
    }

    boolean isExchangeable() {
        return status == Status.ON_SHELF;
    }
}
