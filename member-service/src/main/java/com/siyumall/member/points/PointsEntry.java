package com.siyumall.member.points;

import java.time.Instant;

/** One line of a member's points ledger. */
public record PointsEntry(Long id, Long memberId, String type, Long pointsChange, Long balanceAfter, String reason, String refId,
                          Instant createdAt) {
    public enum Type { EARN, SPEND, HOLD, RELEASE, EXPIRE, REVERSE }
}
