package com.siyumall.common.saga;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.Map;

/** Runs this service's sweeps of abandoned holds now. Through the gateway: {@code /admin/ops/<service>/holds/release-abandoned}. */
@RestController
@Tag(name = "Abandoned holds")
public class AbandonedHoldsController {
    private final AbandonedHolds holds;

    public AbandonedHoldsController(AbandonedHolds holds) {
        this.holds = holds;
    }

    public record Released(Map<String, Integer> released) {}

    @PostMapping("/admin/holds/release-abandoned")
    @Operation(summary = "Release what order attempts without a live order hold past siyumall.holds.ttl (asks order-service; "
            + "also runs every minute); MERCHANT. Answers how many attempts' holds were released, per hold")
    Released releaseAbandoned() {
        CurrentPrincipal.require(Role.MERCHANT);
        return new Released(holds.releaseAbandoned());
    }
}
