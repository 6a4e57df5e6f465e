package com.siyumall.common.saga;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Runs this service's sweeps of abandoned holds now. Through the gateway: {@code /admin/ops/<service>/holds/release-abandoned}. */
@RestController
@Tag(name = "Abandoned holds")
public class AbandonedHoldsController {
    private final List<AbandonedHolds> sweeps;

    public AbandonedHoldsController(List<AbandonedHolds> sweeps) {
        this.sweeps = sweeps;
    }

    public record Released(Map<String, Integer> released) {}

    @PostMapping("/admin/holds/release-abandoned")
    @Operation(summary = "Release what order attempts without a live order hold past siyumall.holds.ttl (asks order-service; "
            + "also runs every minute); MERCHANT. Answers how many attempts' holds were released, per hold")
    Released releaseAbandoned() {
        CurrentPrincipal.require(Role.MERCHANT);
        Map<String, Integer> released = new LinkedHashMap<>();
        sweeps.forEach(sweep -> released.merge(sweep.hold(), sweep.releaseAbandoned(), Integer::sum));
        return new Released(released);
    }
}
