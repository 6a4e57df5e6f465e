package com.siyumall.insight.segments;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.insight.lifecycle.Lifecycle;
import com.siyumall.insight.rfm.Rfm;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Segments, for the merchant and operators. */
@RestController
@Tag(name = "Insights")
class SegmentsController {
    private final Segments segments;

    SegmentsController(Segments segments) {
        this.segments = segments;
    }

    record SegmentRequest(@NotBlank @Size(max = 64) String name, @NotNull SegmentRule.Kind kind, Rfm.Segment rfmSegment,
                          Lifecycle.Stage stage, @Positive Long spuId, Integer withinDays, @Positive Long guideId) {}

    @PostMapping("/admin/insights/segments")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save a segment — RFM (rfmSegment), LIFECYCLE (stage), VIEWED_NOT_BOUGHT (spuId, withinDays 1–90, default 7) "
            + "or GUIDE_CUSTOMERS (guideId) — and compute its members now; they are announced to the services that push to segments")
    Segments.Segment create(@Valid @RequestBody SegmentRequest request) {
        return segments.create(request.name(), new SegmentRule(request.kind(), request.rfmSegment(), request.stage(), request.spuId(),
                request.withinDays(), request.guideId()), CurrentPrincipal.get().id());
    }

    @GetMapping("/admin/insights/segments")
    @Operation(summary = "Saved segments, newest first, with their member counts and when they were computed")
    PageResult<Segments.Segment> list(@Valid PageQuery page) {
        return segments.list(page);
    }

    @GetMapping("/admin/insights/segments/{segmentId}")
    Segments.Segment get(@PathVariable long segmentId) {
        return segments.get(segmentId);
    }

    @GetMapping("/admin/insights/segments/{segmentId}/members")
    @Operation(summary = "The segment's member ids as last computed, ascending")
    PageResult<String> members(@PathVariable long segmentId, @Valid PageQuery page) {
        return segments.members(segmentId, page);
    }

    @PostMapping("/admin/insights/segments/{segmentId}/refresh")
    @Operation(summary = "Compute the members now (they are also computed every hour) and announce who joined and who left")
    Segments.Segment refresh(@PathVariable long segmentId) {
        return segments.refresh(segmentId);
    }

    @DeleteMapping("/admin/insights/segments/{segmentId}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete the segment; its members are announced as gone, so pushes to it stop reaching them")
    void delete(@PathVariable long segmentId) {
        segments.delete(segmentId);
    }
}
