package com.siyumall.common.event;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Each service's dead letters, for operators. Through the gateway: {@code /admin/ops/<service>/dead-letters}
 * (product, order, member, promotion).
 */
@RestController
@Tag(name = "Dead letters")
public class DeadLetterController {
    private final DeadLetters deadLetters;

    public DeadLetterController(DeadLetters deadLetters) {
        this.deadLetters = deadLetters;
    }

    @GetMapping("/admin/dead-letters")
    @Operation(summary = "Messages this service's consumers could not read or handle, newest first (status PARKED or REPLAYED)")
    PageResult<DeadLetters.DeadLetter> list(@RequestParam(required = false) String status, @RequestParam(required = false) String consumer,
                                            @Valid PageQuery page) {
        return deadLetters.list(status, consumer, page);
    }

    @PostMapping("/admin/dead-letters/{id}/replay")
    @Operation(summary = "Hand a parked message to its consumer again (MERCHANT); 409 DEAD_LETTER_STILL_FAILING if it fails again")
    DeadLetters.DeadLetter replay(@PathVariable long id) {
        CurrentPrincipal.require(Role.MERCHANT);
        return deadLetters.replay(id);
    }
}
