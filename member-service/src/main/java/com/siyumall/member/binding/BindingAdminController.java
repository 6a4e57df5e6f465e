package com.siyumall.member.binding;

import com.siyumall.common.security.CurrentPrincipal;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's side of guide–customer binding: the protection period and handovers. */
@RestController
@Tag(name = "Guides (merchant)")
class BindingAdminController {
    private final GuideBindingService bindings;

    BindingAdminController(GuideBindingService bindings) {
        this.bindings = bindings;
    }

    record BindingPolicy(@NotNull @Min(0) @Max(3650) Integer protectionDays) {}

    record Handover(@NotNull Long toGuideId) {}

    record HandoverResult(Long fromGuideId, Long toGuideId, int moved) {}

    @GetMapping("/admin/guides/binding-policy")
    BindingPolicy policy() {
        return new BindingPolicy((int) bindings.protection().toDays());
    }

    @PutMapping("/admin/guides/binding-policy")
    @Operation(summary = "How many days a first binding holds before another guide may take the member over (default 90)")
    BindingPolicy setPolicy(@Valid @RequestBody BindingPolicy request) {
        return new BindingPolicy(bindings.setProtectionDays(request.protectionDays(), CurrentPrincipal.get().id()));
    }

    @PostMapping("/admin/guides/{guideId}/handover")
    @Operation(summary = "Hand every customer of a (departing) guide to another active guide")
    HandoverResult handOver(@PathVariable long guideId, @Valid @RequestBody Handover request) {
        int moved = bindings.handOver(guideId, request.toGuideId(), CurrentPrincipal.get().id());
        return new HandoverResult(guideId, request.toGuideId(), moved);
    }
}
