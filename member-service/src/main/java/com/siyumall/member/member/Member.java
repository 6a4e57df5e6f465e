package com.siyumall.member.member;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import com.siyumall.common.error.BusinessException;

import java.time.Instant;
import java.time.LocalDate;

/**
 * A shopper. Remembers for good where they first came from (the first touch) and, separately, the latest touch.
 * The birthday can be set once: it drives birthday benefits, so it is not something to edit at will.
 */
@TableName("member")
public class Member {
    public enum Gender { UNKNOWN, MALE, FEMALE }

    private Long id;
    private String unionid;
    private String nickname;
    private String avatarUrl;
    private Gender gender;
    private LocalDate birthday;
    private String phone;
    private Instant phoneBoundAt;
    private String levelCode;
    private Long growthValue;
    private String sourceAppId;
    private Integer sourceScene;
    private String sourceChannel;
    private Long sourceInviterId;
    private Long sourceStoreId;
    private Long sourceGuideId;
    private Integer lastScene;
    private String lastChannel;
    private Long lastStoreId;
    private Long lastGuideId;
    private Instant lastLoginAt;
    private Instant registeredAt;
    private Instant firstPaidAt;
    private Integer paidOrderCount;
    private Long paidAmount;
    private Instant lastPaidAt;
    @Version
    private Integer version;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    /** A new member, with the touch that brought them in recorded as their source. */
    static Member register(String appId, String unionid, Touch touch, Instant now) {
        Member member = new Member();
        member.unionid = unionid;
        member.gender = Gender.UNKNOWN;
        member.levelCode = "V0";
        member.growthValue = 0L;
        member.sourceAppId = appId;
        member.sourceScene = touch.scene();
        member.sourceChannel = touch.channel();
        member.sourceInviterId = touch.inviterId();
        member.sourceStoreId = touch.storeId();
        member.sourceGuideId = touch.guideId();
        member.registeredAt = now;
        member.paidOrderCount = 0;
        member.paidAmount = 0L;
        member.version = 0;
        member.seenAt(touch, now);
        return member;
    }

    /** The latest touch: what brought the member back this time. The first touch never changes. */
    void seenAt(Touch touch, Instant now) {
        lastScene = touch.scene();
        lastChannel = touch.channel();
        lastStoreId = touch.storeId();
        lastGuideId = touch.guideId();
        lastLoginAt = now;
    }

    /** How the member may be shown to strangers (a group's share page): the nickname masked after its first character. */
    public PublicFace publicFace() {
        String shown = nickname == null || nickname.isBlank() ? "微信用户"
                : new String(Character.toChars(nickname.codePointAt(0))) + "**";
        return new PublicFace(shown, avatarUrl);
    }

    public record PublicFace(String nickname, String avatarUrl) {}

    void describe(String nickname, String avatarUrl, Gender gender, LocalDate birthday) {
        if (nickname != null) {
            this.nickname = nickname;
        }
        if (avatarUrl != null) {
            this.avatarUrl = avatarUrl;
        }
        if (gender != null) {
            this.gender = gender;
        }
        if (birthday != null) {
            if (this.birthday != null && !this.birthday.equals(birthday)) {
                throw new BusinessException(MemberError.BIRTHDAY_ALREADY_SET);
            }
            this.birthday = birthday;
        }
    }

    /** Whether the member had no phone before this one. */
    boolean bindPhone(String phone, Instant now) {
        boolean first = this.phone == null;
        this.phone = phone;
        this.phoneBoundAt = now;
        return first;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public String getUnionid() { return unionid; }
    public void setUnionid(String unionid) { this.unionid = unionid; }
    public String getNickname() { return nickname; }
    public void setNickname(String nickname) { this.nickname = nickname; }
    public String getAvatarUrl() { return avatarUrl; }
    public void setAvatarUrl(String avatarUrl) { this.avatarUrl = avatarUrl; }
    public Gender getGender() { return gender; }
    public void setGender(Gender gender) { this.gender = gender; }
    public LocalDate getBirthday() { return birthday; }
    public void setBirthday(LocalDate birthday) { this.birthday = birthday; }
    public String getPhone() { return phone; }
    public void setPhone(String phone) { this.phone = phone; }
    public Instant getPhoneBoundAt() { return phoneBoundAt; }
    public void setPhoneBoundAt(Instant phoneBoundAt) { this.phoneBoundAt = phoneBoundAt; }
    public String getLevelCode() { return levelCode; }
    public void setLevelCode(String levelCode) { this.levelCode = levelCode; }
    public Long getGrowthValue() { return growthValue; }
    public void setGrowthValue(Long growthValue) { this.growthValue = growthValue; }
    public String getSourceAppId() { return sourceAppId; }
    public void setSourceAppId(String sourceAppId) { this.sourceAppId = sourceAppId; }
    public Integer getSourceScene() { return sourceScene; }
    public void setSourceScene(Integer sourceScene) { this.sourceScene = sourceScene; }
    public String getSourceChannel() { return sourceChannel; }
    public void setSourceChannel(String sourceChannel) { this.sourceChannel = sourceChannel; }
    public Long getSourceInviterId() { return sourceInviterId; }
    public void setSourceInviterId(Long sourceInviterId) { this.sourceInviterId = sourceInviterId; }
    public Long getSourceStoreId() { return sourceStoreId; }
    public void setSourceStoreId(Long sourceStoreId) { this.sourceStoreId = sourceStoreId; }
    public Long getSourceGuideId() { return sourceGuideId; }
    public void setSourceGuideId(Long sourceGuideId) { this.sourceGuideId = sourceGuideId; }
    public Integer getLastScene() { return lastScene; }
    public void setLastScene(Integer lastScene) { this.lastScene = lastScene; }
    public String getLastChannel() { return lastChannel; }
    public void setLastChannel(String lastChannel) { this.lastChannel = lastChannel; }
    public Long getLastStoreId() { return lastStoreId; }
    public void setLastStoreId(Long lastStoreId) { this.lastStoreId = lastStoreId; }
    public Long getLastGuideId() { return lastGuideId; }
    public void setLastGuideId(Long lastGuideId) { this.lastGuideId = lastGuideId; }
    public Instant getLastLoginAt() { return lastLoginAt; }
    public void setLastLoginAt(Instant lastLoginAt) { this.lastLoginAt = lastLoginAt; }
    public Instant getRegisteredAt() { return registeredAt; }
    public void setRegisteredAt(Instant registeredAt) { this.registeredAt = registeredAt; }
    public Instant getFirstPaidAt() { return firstPaidAt; }
    public void setFirstPaidAt(Instant firstPaidAt) { this.firstPaidAt = firstPaidAt; }
    public Integer getPaidOrderCount() { return paidOrderCount; }
    public void setPaidOrderCount(Integer paidOrderCount) { this.paidOrderCount = paidOrderCount; }
    public Long getPaidAmount() { return paidAmount; }
    public void setPaidAmount(Long paidAmount) { this.paidAmount = paidAmount; }
    public Instant getLastPaidAt() { return lastPaidAt; }
    public void setLastPaidAt(Instant lastPaidAt) { this.lastPaidAt = lastPaidAt; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
