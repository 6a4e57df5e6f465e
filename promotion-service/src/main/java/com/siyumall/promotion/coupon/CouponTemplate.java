package com.siyumall.promotion.coupon;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.error.BusinessException;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

/**
 * What a coupon is worth and who may have it. A template knows whether it can be claimed now, through which channel,
 * how long a claimed coupon lasts, and how much it takes off a given amount.
 */
@TableName("coupon_template")
public class CouponTemplate {
    public enum Type { FULL_REDUCTION, DISCOUNT, NO_THRESHOLD }

    public enum Scope { ALL, CATEGORY, SPU }

    public enum Channel { CLAIM_CENTRE, GUIDE, STORE_QR, SYSTEM, PAY_SUCCESS }

    public enum Status { ACTIVE, STOPPED }

    private Long id;
    private String name;
    private Type type;
    private Long thresholdAmount;
    private Long amountOff;
    private Integer percentOff;
    private Long maxOff;
    private Scope scope;
    private String scopeIds;
    private Instant validFrom;
    private Instant validTo;
    private Integer validDays;
    private Integer totalQuantity;
    private Integer issuedQuantity;
    private Integer perMemberLimit;
    private String channels;
    private CouponAudience.Type audience;
    private String audienceValue;
    private Status status;
    private Long createdBy;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    /** A template, checked whole: money rules by type, a validity that is either a window or a number of days. */
    public static CouponTemplate define(String name, Type type, long threshold, Long amountOff, Integer percentOff, Long maxOff,
                                 Scope scope, List<Long> scopeIds, Instant validFrom, Instant validTo, Integer validDays,
                                 int totalQuantity, int perMemberLimit, Set<Channel> channels) {
        switch (type) {
            case FULL_REDUCTION -> {
                require(amountOff != null && amountOff > 0, "amountOff > 0");
                require(threshold >= amountOff, "thresholdAmount >= amountOff");
            }
            case NO_THRESHOLD -> {
                require(amountOff != null && amountOff > 0, "amountOff > 0");
                require(threshold == 0, "thresholdAmount = 0");
            }
            case DISCOUNT -> require(percentOff != null && percentOff >= 1 && percentOff <= 99, "percentOff 1..99");
        }
        boolean window = validFrom != null || validTo != null;
        require(window != (validDays != null), "either validFrom-validTo or validDays");
        require(!window || (validFrom != null && validTo != null && validTo.isAfter(validFrom)), "validTo after validFrom");
        require(validDays == null || validDays > 0, "validDays > 0");
        require(scope == Scope.ALL || !scopeIds.isEmpty(), "scopeIds for CATEGORY or SPU");
        require(perMemberLimit >= 1 && perMemberLimit <= totalQuantity, "1 <= perMemberLimit <= totalQuantity");
        require(!channels.isEmpty(), "at least one channel");
        CouponTemplate t = new CouponTemplate();
        t.name = name;
        t.type = type;
        t.thresholdAmount = threshold;
        t.amountOff = type == Type.DISCOUNT ? null : amountOff;
        t.percentOff = type == Type.DISCOUNT ? percentOff : null;
        t.maxOff = type == Type.DISCOUNT ? maxOff : null;
        t.scope = scope;
        t.scopeIds = scope == Scope.ALL ? "" : String.join(",", scopeIds.stream().map(String::valueOf).toList());
        t.validFrom = validFrom;
        t.validTo = validTo;
        t.validDays = validDays;
        t.totalQuantity = totalQuantity;
        t.issuedQuantity = 0;
        t.perMemberLimit = perMemberLimit;
        t.channels = String.join(",", channels.stream().map(Enum::name).sorted().toList());
        t.status = Status.ACTIVE;
        t.audience = CouponAudience.Type.ALL;
        return t;
    }

    /** Narrows who may claim it in the claim centre. */
    public CouponTemplate forAudience(CouponAudience target) {
        this.audience = target.type();
        this.audienceValue = target.value();
        return this;
    }

    public CouponAudience audienceRule() {
        return new CouponAudience(audience, audienceValue);
    }

    private static void require(boolean rule, String what) {
        if (!rule) {
            throw new BusinessException(CouponError.TEMPLATE_INVALID, what);
        }
    }

    /** Whether a member may claim one now through {@code channel} (quantities are the claim script's job). */
    boolean isClaimableAt(Instant now, Channel channel) {
        return status == Status.ACTIVE && channelList().contains(channel) && (validTo == null || now.isBefore(validTo));
    }

    /** The validity of a coupon claimed at {@code claimedAt}: the template's window, or N days from claiming. */
    Instant[] validityFrom(Instant claimedAt) {
        return validDays != null ? new Instant[]{claimedAt, claimedAt.plus(Duration.ofDays(validDays))} : new Instant[]{validFrom, validTo};
    }

    /** How much the coupon takes off {@code eligibleAmount} (the part of the basket in its scope); 0 below the threshold. */
    public long discountOn(long eligibleAmount) {
        if (eligibleAmount <= 0 || eligibleAmount < thresholdAmount) {
            return 0;
        }
        long off = switch (type) {
            case FULL_REDUCTION, NO_THRESHOLD -> amountOff;
            case DISCOUNT -> {
                long byPercent = eligibleAmount * percentOff / 100;
                yield maxOff == null ? byPercent : Math.min(byPercent, maxOff);
            }
        };
        return Math.min(off, eligibleAmount);
    }

    /** Whether a basket line of this SPU and category counts toward the coupon. */
    public boolean covers(long spuId, Long categoryId) {
        return switch (scope) {
            case ALL -> true;
            case SPU -> scopeIdList().contains(spuId);
            case CATEGORY -> categoryId != null && scopeIdList().contains(categoryId);
        };
    }

    public List<Channel> channelList() {
        return channels == null || channels.isBlank() ? List.of() : Arrays.stream(channels.split(",")).map(Channel::valueOf).toList();
    }

    public List<Long> scopeIdList() {
        return scopeIds == null || scopeIds.isBlank() ? List.of() : Arrays.stream(scopeIds.split(",")).map(Long::valueOf).toList();
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public Type getType() { return type; }
    public void setType(Type type) { this.type = type; }
    public Long getThresholdAmount() { return thresholdAmount; }
    public void setThresholdAmount(Long thresholdAmount) { this.thresholdAmount = thresholdAmount; }
    public Long getAmountOff() { return amountOff; }
    public void setAmountOff(Long amountOff) { this.amountOff = amountOff; }
    public Integer getPercentOff() { return percentOff; }
    public void setPercentOff(Integer percentOff) { this.percentOff = percentOff; }
    public Long getMaxOff() { return maxOff; }
    public void setMaxOff(Long maxOff) { this.maxOff = maxOff; }
    public Scope getScope() { return scope; }
    public void setScope(Scope scope) { this.scope = scope; }
    public String getScopeIds() { return scopeIds; }
    public void setScopeIds(String scopeIds) { this.scopeIds = scopeIds; }
    public Instant getValidFrom() { return validFrom; }
    public void setValidFrom(Instant validFrom) { this.validFrom = validFrom; }
    public Instant getValidTo() { return validTo; }
    public void setValidTo(Instant validTo) { this.validTo = validTo; }
    public Integer getValidDays() { return validDays; }
    public void setValidDays(Integer validDays) { this.validDays = validDays; }
    public Integer getTotalQuantity() { return totalQuantity; }
    public void setTotalQuantity(Integer totalQuantity) { this.totalQuantity = totalQuantity; }
    public Integer getIssuedQuantity() { return issuedQuantity; }
    public void setIssuedQuantity(Integer issuedQuantity) { this.issuedQuantity = issuedQuantity; }
    public Integer getPerMemberLimit() { return perMemberLimit; }
    public void setPerMemberLimit(Integer perMemberLimit) { this.perMemberLimit = perMemberLimit; }
    public CouponAudience.Type getAudience() { return audience; }
    public void setAudience(CouponAudience.Type audience) { this.audience = audience; }
    public String getAudienceValue() { return audienceValue; }
    public void setAudienceValue(String audienceValue) { this.audienceValue = audienceValue; }
    public String getChannels() { return channels; }
    public void setChannels(String channels) { this.channels = channels; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
