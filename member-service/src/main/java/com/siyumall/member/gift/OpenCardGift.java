package com.siyumall.member.gift;

/** The merchant's open-card gift: given once per member, when they register or when they bind a phone. */
public record OpenCardGift(String triggerOn, Long points, Long growth, Boolean enabled, Long couponTemplateId) {
    public static final String REGISTERED = "REGISTERED";
    public static final String PHONE_BOUND = "PHONE_BOUND";

    boolean isGivenOn(String trigger) {
        return Boolean.TRUE.equals(enabled) && triggerOn.equals(trigger) && (points > 0 || growth > 0 || couponTemplateId != null);
    }
}
