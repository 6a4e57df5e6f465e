package com.siyumall.insight.replay;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Rebuilding the analytical store from the broker's retained messages (an operation: MERCHANT only). */
@RestController
@Tag(name = "Insights")
class StoreReplayController {
    private final StoreReplay replay;

    StoreReplayController(StoreReplay replay) {
        this.replay = replay;
    }

    @PostMapping("/admin/insights/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Read every retained message on insight's topics again from the first and store what the store lacks "
            + "(MERCHANT; facts already stored count once); runs in the background — follow it with GET. 409 REPLAY_RUNNING while one runs")
    StoreReplay.Status start() {
        CurrentPrincipal.require(Role.MERCHANT);
        return replay.start();
    }

    @GetMapping("/admin/insights/replay")
    @Operation(summary = "The last replay: IDLE (none since start), RUNNING, DONE or FAILED, with messages read, applied and unreadable")
    StoreReplay.Status status() {
        CurrentPrincipal.require(Role.MERCHANT);
        return replay.status();
    }
}
