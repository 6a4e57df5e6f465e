package com.siyumall.insight.segments;

import com.siyumall.common.event.MallEvent;

import java.util.List;

/**
 * Who joined and who left a segment since its last computation (at most 1,000 of each per event; a large change is
 * several events). {@code deleted}: the segment is gone and {@code removed} lists its last members. {@code version}
 * grows with every computation of the segment (epoch milliseconds), so a consumer that gets them out of order keeps
 * the newest word on each member. Services that use segments as audiences keep their own copy from these.
 */
public record SegmentMembershipChanged(long segmentId, String name, long version, List<Long> added, List<Long> removed, boolean deleted)
        implements MallEvent {
    @Override
    public String eventKey() {
        return Long.toString(segmentId);
    }
}
