package com.siyumall.order.refund;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.IdempotentRequests;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.enums.ParameterIn;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.time.Instant;
import java.util.List;

@RestController
@Tag(name = "Refunds")
class RefundController {
    private final RefundService refunds;

    RefundController(RefundService refunds) {
        this.refunds = refunds;
    }

    @Schema(name = "RefundItem")
    record Item(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity) {}

    record RefundRequest(@NotBlank @Size(max = 64) String reason, @Size(max = 50) List<@Valid Item> items) {}

    record Rejection(@NotBlank @Size(max = 256) String reason) {}

    record RefundView(String refundId, String orderNo, long amount, String reason, String status, Instant createdAt,
                      String rejectReason) {
        static RefundView of(Refund r) {
            return new RefundView(r.getRefundNo(), r.getOrderNo(), r.getAmount(), r.getReason(), r.getStatus().name(),
                    r.getCreatedAt(), r.getRejectReason());
        }
    }

    @PostMapping("/api/orders/{orderNo}/refunds")
    @ResponseStatus(HttpStatus.CREATED)
    @Idempotent("order.refund")
    @Parameter(name = IdempotentRequests.HEADER, in = ParameterIn.HEADER, required = true,
            description = "one per refund request; a repeat returns the first refund")
    @Operation(summary = "Ask for money back: the whole order, or some lines (items). Before shipping it is refunded at "
            + "once; after shipping the merchant decides. Idempotency-Key required.")
    RefundView request(@PathVariable String orderNo, @Valid @RequestBody RefundRequest request) {
        return RefundView.of(refunds.request(CurrentPrincipal.memberId(), orderNo, request.reason(),
                request.items() == null ? List.of() : request.items().stream()
                        .map(i -> new RefundService.LineRequest(i.skuId(), i.quantity())).toList()));
    }

    @GetMapping("/admin/refunds")
    @Operation(summary = "Refunds, newest first; status and orderNo filter")
    PageResult<RefundView> list(@Valid PageQuery page, @RequestParam(required = false) Refund.Status status,
                                @RequestParam(required = false) @Size(max = 32) String orderNo) {
        return PageResult.of(refunds.page(page, null, status, orderNo), RefundView::of);
    }

    @GetMapping("/api/refunds")
    @Operation(summary = "My refunds, newest first, of all my orders or of one (orderNo)")
    PageResult<RefundView> mine(@Valid PageQuery page, @RequestParam(required = false) @Size(max = 32) String orderNo) {
        return PageResult.of(refunds.page(page, CurrentPrincipal.memberId(), null, orderNo), RefundView::of);
    }

    @PostMapping("/admin/refunds/{refundId}/approve")
    @Idempotent(value = "refund.approve", keyRequired = false)
    @Operation(summary = "Approve a requested refund: it goes to WeChat Pay")
    RefundView approve(@PathVariable String refundId) {
        return RefundView.of(refunds.approve(refundId, CurrentPrincipal.get().id()));
    }

    @PostMapping("/admin/refunds/{refundId}/reject")
    @Idempotent(value = "refund.reject", keyRequired = false)
    RefundView reject(@PathVariable String refundId, @Valid @RequestBody Rejection rejection) {
        return RefundView.of(refunds.reject(refundId, CurrentPrincipal.get().id(), rejection.reason()));
    }
}
