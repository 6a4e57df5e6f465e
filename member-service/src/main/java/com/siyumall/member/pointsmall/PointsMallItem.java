package com.siyumall.member.pointsmall;

import com.siyumall.common.error.BusinessException;

import java.time.Instant;

/**
 * A thing members buy with points: a coupon (issued by promotion-service) or one unit of a SKU (an order at
 * order-service, paid with points and shipped to the member's address).
 */
public record PointsMallItem(Long id, String name, Kind kind, Long couponTemplateId, Long skuId, String image, long pointsPrice,
                             int stockTotal, int stockLeft, int perMemberLimit, Status status, Instant createdAt) {
    public enum Kind { COUPON, SKU }

    public enum Status { ON_SHELF, OFF_SHELF }

    /** A new item, checked whole. */
    static PointsMallItem define(String name, Kind kind, Long couponTemplateId, Long skuId, String image, long pointsPrice, int stock,
                                 int perMemberLimit) {
        if (kind == Kind.COUPON && (couponTemplateId == null || skuId != null)) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "a COUPON item names a couponTemplateId and no skuId");
        }
        if (kind == Kind.SKU && (skuId == null || couponTemplateId != null)) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "a SKU item names a skuId and no couponTemplateId");
        }
        if (perMemberLimit > stock && stock > 0) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "perMemberLimit <= stock");
        }
        return new PointsMallItem(null, name, kind, couponTemplateId, skuId, image, pointsPrice, stock, stock, perMemberLimit,
                Status.ON_SHELF, null);
    }

    /** A SKU item is shipped, so its exchange needs an address. */
    boolean needsAddress() {
        return kind == Kind.SKU;
    }

    boolean isExchangeable() {
        return status == Status.ON_SHELF;
    }
}
