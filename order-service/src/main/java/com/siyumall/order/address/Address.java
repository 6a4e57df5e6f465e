package com.siyumall.order.address;

import java.time.Instant;

/** An address in a member's book. At most {@link #MAX_PER_MEMBER} per member, exactly one of them the default. */
public record Address(Long id, Long memberId, String name, String phone, String regionCode, String province, String city,
                      String district, String detail, Boolean isDefault, Instant createdAt, Instant updatedAt) {
    public static final int MAX_PER_MEMBER = 20;

    public Region region() {
        return new Region(regionCode, province, city, district);
    }

    /** What an order keeps of the address it was sent to, in the shape a typed-in address has. */
    public Snapshot snapshot() {
        return new Snapshot(name, phone, region().label(), detail, regionCode);
    }

    /** {@code regionCode} is null for an address typed in at checkout. */
    public record Snapshot(String name, String phone, String region, String detail, String regionCode) {}
}
