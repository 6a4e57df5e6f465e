package com.siyumall.member.member;

/**
 * How a member arrived this time: the mini-program scene value, a channel code, the member who shared, and the store
 * and guide of a scanned QR code. Only ids that check out are kept (a stale QR of a departed guide records no guide).
 */
public record Touch(Integer scene, String channel, Long inviterId, Long storeId, Long guideId) {}
