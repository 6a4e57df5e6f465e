package com.siyumall.insight.behavior;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

/**
 * The behavior events the mini-program may send: built in, and the merchant's own. Defining or removing one changes
 * what the intake accepts from every shopper, so it is for merchants; operators read the catalog.
 */
@RestController
@Validated
@Tag(name = "Insights")
class EventDefinitionsController {
    private final EventCatalog catalog;

    EventDefinitionsController(EventCatalog catalog) {
        this.catalog = catalog;
    }

    record DefinitionRequest(@NotBlank @Size(max = 64) String label,
                             @NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[A-Za-z][A-Za-z0-9_]{0,31}") String> propertyKeys) {}

    @GetMapping("/admin/insights/event-definitions")
    @Operation(summary = "The built-in event types and the custom events the merchant defined (name, label, property keys)")
    EventCatalog.Catalog definitions() {
        return catalog.catalog();
    }

    @PutMapping("/admin/insights/event-definitions/{name}")
    @Operation(summary = "Define (or redefine) a custom event: its label and the keys its props may carry (at most 20). The intake "
            + "takes it from then on, and funnels can use it as a step")
    EventCatalog.Definition define(@PathVariable @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String name,
                                   @Valid @RequestBody DefinitionRequest request) {
        return catalog.define(name, request.label(), request.propertyKeys(), CurrentPrincipal.require(Role.MERCHANT).id());
    }

    @DeleteMapping("/admin/insights/event-definitions/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove a custom event: the intake refuses it from then on; what was stored stays in the reports")
    void remove(@PathVariable String name) {
        CurrentPrincipal.require(Role.MERCHANT);
        catalog.remove(name);
    }
}
