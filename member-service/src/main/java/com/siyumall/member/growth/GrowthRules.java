package com.siyumall.member.growth;

/** How much growth value a yuan paid and a member brought by a share are worth; check-ins follow the check-in table. */
public record GrowthRules(long perYuanPaid, long perInvitedMember) {
    public long forPaid(long paidFen) {
        return paidFen / 100 * perYuanPaid;
    }
}
