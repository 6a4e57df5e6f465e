package com.siyumall.insight.segments;

import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Saved report slices whose members other services use as audiences. Members are computed from the analytical store
 * when the segment is saved, on request and every hour; each computation is compared with the last one and only the
 * change is announced (SegmentMembershipChanged, in the same transaction as the stored membership).
 */
@Service
public class Segments {
    private static final Logger log = LoggerFactory.getLogger(Segments.class);
    static final int CHUNK = 1_000;

    private final SegmentMapper segments;
    private final SegmentMembers members;
    private final EventPublisher events;
    private final TransactionTemplate transaction;
    private final ObjectMapper json;
    private final Clock clock;

    Segments(SegmentMapper segments, SegmentMembers members, EventPublisher events, TransactionTemplate transaction, ObjectMapper json,
             Clock clock) {
        this.segments = segments;
        this.members = members;
        this.events = events;
        this.transaction = transaction;
        this.json = json;
        this.clock = clock;
    }

    public record Segment(String id, String name, SegmentRule rule, int members, Instant computedAt, String createdBy, Instant createdAt) {}

    Segment create(String name, SegmentRule rule, long merchantId) {
        SegmentRule normalized = rule.normalized();
        long id = IdWorker.getId();
        segments.insert(id, name, normalized.kind().name(), write(normalized), merchantId, clock.instant());
        return refresh(id);
    }

    Segment get(long id) {
        return view(row(id));
    }

    PageResult<Segment> list(PageQuery page) {
        List<Segment> items = segments.page((page.pageOrDefault() - 1) * page.sizeOrDefault(), (int) page.sizeOrDefault()).stream()
                .map(this::view).toList();
        return new PageResult<>(items, page.pageOrDefault(), page.sizeOrDefault(), segments.count());
    }

    PageResult<String> members(long id, PageQuery page) {
        SegmentMapper.Row row = row(id);
        List<String> items = segments.membersPage(id, (page.pageOrDefault() - 1) * page.sizeOrDefault(), (int) page.sizeOrDefault())
                .stream().map(String::valueOf).toList();
        return new PageResult<>(items, page.pageOrDefault(), page.sizeOrDefault(), row.members());
    }

    /** Computes the segment's members now and announces who joined and who left. */
    Segment refresh(long id) {
        SegmentMapper.Row row = row(id);
        List<Long> now = members.of(read(row.params()), BusinessTime.today(clock));
        transaction.executeWithoutResult(status -> {
            if (segments.lock(id) == null) {
                throw new BusinessException(SegmentError.SEGMENT_NOT_FOUND, id);
            }
            Set<Long> before = new HashSet<>(segments.members(id));
            Set<Long> current = new HashSet<>(now);
            List<Long> added = now.stream().filter(m -> !before.contains(m)).toList();
            List<Long> removed = before.stream().filter(m -> !current.contains(m)).sorted().toList();
            Instant at = clock.instant();
            announce(row, version(row, at), added, removed, false);
            segments.computed(id, now.size(), at);
        });
        return get(id);
    }

    void delete(long id) {
        SegmentMapper.Row row = row(id);
        transaction.executeWithoutResult(status -> {
            if (segments.lock(id) == null) {
                throw new BusinessException(SegmentError.SEGMENT_NOT_FOUND, id);
            }
            Instant at = clock.instant();
            announce(row, version(row, at), List.of(), segments.members(id), true);
            segments.delete(id, at);
        });
    }

    @Scheduled(fixedDelayString = "${siyumall.insight.segments.refresh-every:1h}",
            initialDelayString = "${siyumall.insight.segments.refresh-every:1h}")
    void refreshAll() {
        for (long id : segments.live()) {
            try {
                refresh(id);
            } catch (RuntimeException e) {
                log.warn("Segment {} was not refreshed: {}", id, e.toString());
            }
        }
    }

    /** Stores and announces the change a chunk at a time; a deletion is announced even when nobody was in it. */
    private void announce(SegmentMapper.Row row, long version, List<Long> added, List<Long> removed, boolean deleted) {
        int chunks = Math.max((added.size() + CHUNK - 1) / CHUNK, (removed.size() + CHUNK - 1) / CHUNK);
        for (int c = 0; c < Math.max(chunks, deleted ? 1 : 0); c++) {
            List<Long> in = slice(added, c);
            List<Long> out = slice(removed, c);
            if (!in.isEmpty()) {
                segments.add(row.id(), in);
            }
            if (!out.isEmpty()) {
                segments.remove(row.id(), out);
            }
            events.publish(Topics.INSIGHT_EVENTS, new SegmentMembershipChanged(row.id(), row.name(), version, in, out, deleted));
        }
    }

    /** Later than the last computation's, even if the clock stepped back. */
    private static long version(SegmentMapper.Row row, Instant at) {
        return Math.max(at.toEpochMilli(), row.computedAt() == null ? 0 : row.computedAt().toEpochMilli() + 1);
    }

    private static List<Long> slice(List<Long> ids, int chunk) {
        int from = chunk * CHUNK;
        return from >= ids.size() ? List.of() : new ArrayList<>(ids.subList(from, Math.min(ids.size(), from + CHUNK)));
    }

    private SegmentMapper.Row row(long id) {
        SegmentMapper.Row row = segments.find(id);
        if (row == null) {
            throw new BusinessException(SegmentError.SEGMENT_NOT_FOUND, id);
        }
        return row;
    }

    private Segment view(SegmentMapper.Row row) {
        return new Segment(Long.toString(row.id()), row.name(), read(row.params()), row.members(), row.computedAt(),
                Long.toString(row.createdBy()), row.createdAt());
    }

    private String write(SegmentRule rule) {
        try {
            return json.writeValueAsString(rule);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

    private SegmentRule read(String params) {
        try {
            return json.readValue(params, SegmentRule.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("segment.params is not a rule", e);
        }
    }
}
