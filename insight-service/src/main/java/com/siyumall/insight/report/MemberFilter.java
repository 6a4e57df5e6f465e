package com.siyumall.insight.report;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * Keeps a member-based report to the members whose first touch was a channel, a store or a guide, and to the members
 * at a level now (each optional, all that are set must hold). Reads member_fact under the alias {@code m}. A member's
 * level is the last one member-service announced; a member never announced is at the entry level.
 */
public record MemberFilter(String channel, Long storeId, Long guideId, String level) {
    public static final MemberFilter NONE = new MemberFilter(null, null, null, null);
    /** The entry level every member starts at (member-service's ladder always has it). */
    public static final String ENTRY_LEVEL = "V0";

    /** The conditions to add after a WHERE, each with its own placeholder. */
    public String sql() {
        return (channel == null ? "" : " AND m.channel = ?") + (storeId == null ? "" : " AND m.store_id = ?")
                + (guideId == null ? "" : " AND m.guide_id = ?")
                + (level == null ? "" : " AND COALESCE((SELECT arg_max(l.level_code, l.changed_at) FROM level_fact l "
                        + "WHERE l.member_id = m.member_id), '" + ENTRY_LEVEL + "') = ?");
    }

    /**
     * {@code order_fact} as a report reads it: all of it, or only the orders of the members this filter keeps (a
     * member whose registration never reached insight has no first touch and is kept by no filter). Its placeholders
     * are {@link #sql()}'s: bind them first when it is the first source of a statement.
     */
    public String orders() {
        return isEmpty() ? "order_fact"
                : "(SELECT o.* FROM order_fact o JOIN member_fact m ON m.member_id = o.member_id WHERE TRUE" + sql() + ")";
    }

    public boolean isEmpty() {
        return channel == null && storeId == null && guideId == null && level == null;
    }

    /** The values of {@link #sql()}'s placeholders, in order. */
    public List<Object> parameters() {
        List<Object> values = new ArrayList<>();
        if (channel != null) {
            values.add(channel);
        }
        if (storeId != null) {
            values.add(storeId);
        }
        if (guideId != null) {
            values.add(guideId);
        }
        if (level != null) {
            values.add(level);
        }
        return values;
    }

    /** Binds the placeholders of {@link #sql()} from {@code index} on; returns the next free index. */
    public int bind(PreparedStatement query, int index) throws SQLException {
        int i = index;
        for (Object value : parameters()) {
            query.setObject(i++, value);
        }
        return i;
    }
}
