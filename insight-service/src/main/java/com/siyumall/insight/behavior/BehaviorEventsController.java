package com.siyumall.insight.behavior;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Where the mini-program reports what shoppers do. */
@RestController
@Tag(name = "Behavior events")
class BehaviorEventsController {
    private final BehaviorIntake intake;

    BehaviorEventsController(BehaviorIntake intake) {
        this.intake = intake;
    }

    record Accepted(int accepted) {}

    @PostMapping("/api/events")
    @ResponseStatus(HttpStatus.ACCEPTED)
    @Operation(summary = "Report up to 50 behavior events of the calling member (or, before login, of the device): "
            + "accepted or refused whole, stored asynchronously; sending a batch again counts its events once")
    Accepted report(@Valid @RequestBody BehaviorBatch batch) {
        return new Accepted(intake.accept(batch));
    }
}
