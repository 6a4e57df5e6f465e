package com.siyumall.member.points;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;

@RestController
@Tag(name = "Points")
class PointsController {
    private final PointsService points;

    PointsController(PointsService points) {
        this.points = points;
    }

    record LedgerLine(long change, long balance, String type, String reason, String refId, Instant at) {}

    @GetMapping("/api/points/ledger")
    @Operation(summary = "The calling member's points ledger, newest first: change, balance after, reason, reference")
    PageResult<LedgerLine> ledger(@Valid PageQuery page) {
        return PageResult.of(points.ledger(CurrentPrincipal.memberId(), page), e ->
                new LedgerLine(e.pointsChange(), e.balanceAfter(), e.type(), e.reason(), e.refId(), e.createdAt()));
    }
}
