package com.siyumall.order.checkout;

import com.siyumall.common.persistence.AfterCommit;
import com.siyumall.common.persistence.RecentlyRead;
import com.siyumall.common.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.stereotype.Service;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Duration;

@RestController
@Tag(name = "Freight (merchant)")
class FreightRuleController {
    private final FreightRules rules;

    FreightRuleController(FreightRules rules) {
        this.rules = rules;
    }

    record FreightRuleRequest(@NotNull @Min(0) @Max(1_000_000) Long flatFee, @Min(0) @Max(100_000_000) Long freeThreshold) {}

    @GetMapping("/admin/freight-rules")
    FreightRule current() {
        return rules.current();
    }

    @PutMapping("/admin/freight-rules")
    @Operation(summary = "Delivery fee in fen, and the items amount from which delivery is free (none: never free)")
    FreightRule set(@Valid @RequestBody FreightRuleRequest request) {
        return rules.set(request.flatFee(), request.freeThreshold(), CurrentPrincipal.get().id());
    }

    /** The merchant's freight rule: read by every quote (at most every 2 s per instance), set by the merchant. */
    @Service
    static class FreightRules {
        private final FreightRuleMapper mapper;
        private final Clock clock;
        private final RecentlyRead<Boolean, FreightRule> current;

        FreightRules(FreightRuleMapper mapper, Clock clock) {
            this.mapper = mapper;
            this.clock = clock;
            this.current = RecentlyRead.single(Duration.ofSeconds(2), mapper::current);
        }

        FreightRule current() {
            return current.get();
        }

        FreightRule set(long flatFee, Long freeThreshold, long merchantId) {
            mapper.set(flatFee, freeThreshold, merchantId, clock.instant());
            AfterCommit.run(current::forgetAll);
            return mapper.current();
        }
    }
}
