package com.siyumall.product.banner;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.error.BusinessException;
import com.siyumall.product.audience.MemberFact;

import java.time.Instant;

/** A banner in an ad position: shown between its start and end, in its order, to its audience only. */
@TableName("banner")
public class Banner {
    public enum LinkType { PRODUCT, CATEGORY, ACTIVITY, PAGE }

    public enum Status { ACTIVE, DISABLED }

    private Long id;
    private String position;
    private String title;
    private String imageUrl;
    private LinkType linkType;
    private String linkTarget;
    private Instant startsAt;
    private Instant endsAt;
    private Integer sortOrder;
    private Audience audience;
    private Integer newMemberDays;
    private Integer minLevelRank;
    private String segmentTag;
    private Status status;
    private Long createdBy;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    /** Sets what the banner is and who sees it, refusing windows that end before they start and audiences without their parameter. */
    void define(String position, String title, String imageUrl, LinkType linkType, String linkTarget, Instant startsAt,
                Instant endsAt, int sortOrder, Audience audience, Integer newMemberDays, Integer minLevelRank, String segmentTag) {
        if (!endsAt.isAfter(startsAt)) {
            throw new BusinessException(BannerError.BANNER_WINDOW_INVALID);
        }
        boolean parameterMissing = switch (audience) {
            case NEW_MEMBER -> newMemberDays == null;
            case LEVEL_AT_LEAST -> minLevelRank == null;
            case SEGMENT -> segmentTag == null || segmentTag.isBlank();
            default -> false;
        };
        if (parameterMissing) {
            throw new BusinessException(BannerError.AUDIENCE_PARAMETER_MISSING, audience.name());
        }
        this.position = position;
        this.title = title;
        this.imageUrl = imageUrl;
        this.linkType = linkType;
        this.linkTarget = linkTarget;
        this.startsAt = startsAt;
        this.endsAt = endsAt;
        this.sortOrder = sortOrder;
        this.audience = audience;
        this.newMemberDays = audience == Audience.NEW_MEMBER ? newMemberDays : null;
        this.minLevelRank = audience == Audience.LEVEL_AT_LEAST ? minLevelRank : null;
        this.segmentTag = audience == Audience.SEGMENT ? segmentTag : null;
    }

    /** Whether this member (null: an anonymous visitor) sees the banner at {@code now}. */
    boolean isShownTo(MemberFact member, Instant now) {
        return status == Status.ACTIVE && !now.isBefore(startsAt) && now.isBefore(endsAt) && audience.admits(this, member, now);
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getPosition() { return position; }
    public void setPosition(String position) { this.position = position; }
    public String getTitle() { return title; }
    public void setTitle(String title) { this.title = title; }
    public String getImageUrl() { return imageUrl; }
    public void setImageUrl(String imageUrl) { this.imageUrl = imageUrl; }
    public LinkType getLinkType() { return linkType; }
    public void setLinkType(LinkType linkType) { this.linkType = linkType; }
    public String getLinkTarget() { return linkTarget; }
    public void setLinkTarget(String linkTarget) { this.linkTarget = linkTarget; }
    public Instant getStartsAt() { return startsAt; }
    public void setStartsAt(Instant startsAt) { this.startsAt = startsAt; }
    public Instant getEndsAt() { return endsAt; }
    public void setEndsAt(Instant endsAt) { this.endsAt = endsAt; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public Audience getAudience() { return audience; }
    public void setAudience(Audience audience) { this.audience = audience; }
    public Integer getNewMemberDays() { return newMemberDays; }
    public void setNewMemberDays(Integer newMemberDays) { this.newMemberDays = newMemberDays; }
    public Integer getMinLevelRank() { return minLevelRank; }
    public void setMinLevelRank(Integer minLevelRank) { this.minLevelRank = minLevelRank; }
    public String getSegmentTag() { return segmentTag; }
    public void setSegmentTag(String segmentTag) { this.segmentTag = segmentTag; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Long getCreatedBy() { return createdBy; }
    public void setCreatedBy(Long createdBy) { this.createdBy = createdBy; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
