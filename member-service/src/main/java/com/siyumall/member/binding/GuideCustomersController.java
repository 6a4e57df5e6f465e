package com.siyumall.member.binding;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.MallPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** The guide workspace's customer book: only the calling guide's own members. */
@RestController
@Tag(name = "Guide workspace")
class GuideCustomersController {
    private final GuideBindingService bindings;

    GuideCustomersController(GuideBindingService bindings) {
        this.bindings = bindings;
    }

    record ServedCustomer(@NotNull Long memberId) {}

    record ServeResult(Long memberId, String outcome) {}

    @GetMapping("/guide/customers")
    @Operation(summary = "Members bound to the calling guide, newest first, with last visit and order summary")
    PageResult<GuideCustomer> customers(@Valid PageQuery page) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return PageResult.of(bindings.customersOf(guide.id(), page), GuideCustomersController::masked);
    }

    @GetMapping("/guide/customers/{memberId}")
    @Operation(summary = "One of the calling guide's customers (403 for anyone else's)")
    GuideCustomer customer(@PathVariable long memberId) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return masked(bindings.customerOf(guide.id(), memberId));
    }

    @PostMapping("/guide/customers")
    @Operation(summary = "Record that the calling guide served a member: binds them unless another guide's protection holds (409)")
    ServeResult serve(@Valid @RequestBody ServedCustomer request) {
        MallPrincipal guide = CurrentPrincipal.require(Role.GUIDE);
        return new ServeResult(request.memberId(), bindings.serve(request.memberId(), guide.id()).name());
    }

    /** Guides see the phone masked (138****8000): enough to recognise a customer, not to export a list. */
    private static GuideCustomer masked(GuideCustomer c) {
        String phone = c.phone() == null || c.phone().length() < 7 ? c.phone()
                : c.phone().substring(0, 3) + "****" + c.phone().substring(c.phone().length() - 4);
        return new GuideCustomer(c.memberId(), c.nickname(), c.avatarUrl(), phone, c.source(), c.boundAt(), c.protectedUntil(),
                c.registeredAt(), c.lastVisitAt(), c.paidOrderCount(), c.paidAmount(), c.lastPaidAt());
    }
}
