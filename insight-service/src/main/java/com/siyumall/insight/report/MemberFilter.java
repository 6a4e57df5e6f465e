package com.siyumall.insight.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * Keeps a member-based report to the members whose first touch was a channel, a store or a guide (each optional, all
 * that are set must hold). Reads member_fact under the alias {@code m}.
 */
public record MemberFilter(String channel, Long storeId, Long guideId) {
    public static final MemberFilter NONE = new MemberFilter(null, null, null);

    /** The conditions to add after a WHERE, each with its own placeholder. */
    public String sql() {
        return (channel == null ? "" : " AND m.channel = ?") + (storeId == null ? "" : " AND m.store_id = ?")
                + (guideId == null ? "" : " AND m.guide_id = ?");
    }

    /** Binds the placeholders of {@link #sql()} from {@code index} on; returns the next free index. */
    public int bind(PreparedStatement query, int index) throws SQLException {
        int i = index;
        if (channel != null) {
            query.setString(i++, channel);
        }
        if (storeId != null) {
            query.setLong(i++, storeId);
        }
        if (guideId != null) {
            query.setLong(i++, guideId);
        }
        return i;
    }
}
