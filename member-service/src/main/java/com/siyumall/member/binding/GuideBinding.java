package com.siyumall.member.binding;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.IdType;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableId;
import com.baomidou.mybatisplus.annotation.TableName;

import java.time.Duration;
import java.time.Instant;

/**
 * A member's guide. The guide keeps the member for the protection period the merchant sets (counted from the binding,
 * so a changed policy applies to every binding at once); after it another guide who serves the member takes over and
 * is protected in turn. Handovers by the merchant ignore protection.
 */
@TableName("guide_binding")
public class GuideBinding {
    public enum Source { QR_SCAN, SERVED, HANDOVER }

    @TableId(type = IdType.INPUT)
    private Long memberId;
    private Long guideId;
    private Long storeId;
    private Source source;
    private Instant boundAt;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    static GuideBinding first(long memberId, long guideId, long storeId, Source source, Instant now) {
        GuideBinding binding = new GuideBinding();
        binding.memberId = memberId;
        binding.bindTo(guideId, storeId, source, now);
        return binding;
    }

    /** Whether {@code guideId} may take this member from the current guide at {@code now}. */
    boolean canBeTakenBy(long guideId, Instant now, Duration protection) {
        return this.guideId != guideId && !protectedUntil(protection).isAfter(now);
    }

    Instant protectedUntil(Duration protection) {
        return boundAt.plus(protection);
    }

    boolean isWith(long guideId) {
        return this.guideId == guideId;
    }

    void bindTo(long guideId, long storeId, Source source, Instant now) {
        this.guideId = guideId;
        this.storeId = storeId;
        this.source = source;
        this.boundAt = now;
    }

    public Long getMemberId() { return memberId; }
    public void setMemberId(Long memberId) { this.memberId = memberId; }
    public Long getGuideId() { return guideId; }
    public void setGuideId(Long guideId) { this.guideId = guideId; }
    public Long getStoreId() { return storeId; }
    public void setStoreId(Long storeId) { this.storeId = storeId; }
    public Source getSource() { return source; }
    public void setSource(Source source) { this.source = source; }
    public Instant getBoundAt() { return boundAt; }
    public void setBoundAt(Instant boundAt) { this.boundAt = boundAt; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
