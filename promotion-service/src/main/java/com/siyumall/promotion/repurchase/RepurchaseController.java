package com.siyumall.promotion.repurchase;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;


@RestController
@Tag(name = "Repurchase")
class RepurchaseController {
    private final RepurchaseRules rules;

    RepurchaseController(RepurchaseRules rules) {
        this.rules = rules;
    }

    record RuleRequest(@NotBlank @Size(max = 64) String name, @NotNull RepurchaseRule.Kind kind, Integer nthOrder, Long couponTemplateId,
                       Integer validFromDay, Integer validToDay, Integer windowDays, Integer pointsMultiplierPercent) {
        RepurchaseRule toRule() {
            return switch (kind) {
                case COUPON_AFTER_NTH_ORDER -> RepurchaseRule.couponAfterNthOrder(name, orZero(nthOrder), requireTemplate(),
                        orZero(validFromDay), orZero(validToDay));
                case POINTS_WITHIN_WINDOW -> RepurchaseRule.pointsWithinWindow(name, orZero(windowDays), orZero(pointsMultiplierPercent));
            };
        }

        private long requireTemplate() {
            if (couponTemplateId == null) {
                throw new BusinessException(RepurchaseError.RULE_INVALID, "couponTemplateId is required");
            }
            return couponTemplateId;
        }

        private static int orZero(Integer value) {
            return value == null ? 0 : value;
        }
    }

    @PostMapping("/admin/repurchase-rules")
    @Idempotent(value = "repurchase.rule-create", keyRequired = false)
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "A repurchase rule: a coupon valid from day X to Y after the member's Nth paid order, or a points "
            + "multiplier for an order paid within N days of the previous one")
    RepurchaseRule create(@Valid @RequestBody RuleRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        return rules.create(request.toRule(), merchantId);
    }

    @GetMapping("/admin/repurchase-rules")
    @Operation(summary = "Repurchase rules, newest first")
    PageResult<RepurchaseRule> list(@Valid PageQuery page) {
        return PageResult.of(rules.page(page), rule -> rule);
    }

    @PostMapping("/admin/repurchase-rules/{ruleId}/stop")
    RepurchaseRule stop(@PathVariable long ruleId) {
        CurrentPrincipal.require(Role.MERCHANT);
        return rules.stop(ruleId);
    }
}
