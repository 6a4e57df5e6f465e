package com.siyumall.order.checkout;

import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/** Checkout sagas for operators (which are unfinished, why) and for owners of held resources (what became of an attempt). */
@RestController
@Validated
@Tag(name = "Checkout sagas")
class CheckoutSagaController {
    private final CheckoutSagas sagas;

    CheckoutSagaController(CheckoutSagas sagas) {
        this.sagas = sagas;
    }

    @GetMapping("/admin/checkout-sagas")
    @Operation(summary = "Checkout sagas, newest first; status=COMPENSATING lists the ones whose undo is still being retried")
    PageResult<CheckoutSaga> list(@RequestParam(required = false) CheckoutSaga.Status status, @Valid PageQuery page) {
        return PageResult.of(sagas.page(status, page), s -> s);
    }

    record AttemptsRequest(@NotEmpty @Size(max = 200) List<String> orderNos) {}

    record Attempts(List<OrderAttempt> items) {}

    @PostMapping("/internal/order-attempts/lookup")
    @Operation(summary = "What became of these order attempts: saga status and order status, null where there is none")
    Attempts lookup(@Valid @RequestBody AttemptsRequest request) {
        return new Attempts(sagas.attempts(request.orderNos()));
    }
}
