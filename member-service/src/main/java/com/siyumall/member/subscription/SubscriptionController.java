package com.siyumall.member.subscription;

import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import com.siyumall.common.web.Idempotent;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Map;

@RestController
@Tag(name = "Subscription messages")
class SubscriptionController {
    private final SubscriptionMessages messages;
    private final SubscriptionPushes pushes;

    SubscriptionController(SubscriptionMessages messages, SubscriptionPushes pushes) {
        this.messages = messages;
        this.pushes = pushes;
    }

    record AcceptRequest(@NotEmpty @Size(max = 20) List<@NotBlank @Size(max = 64) String> templateIds) {}

    record Acceptances(List<SubscriptionMapper.Unused> unused) {}

    record TemplateRequest(@NotBlank @Size(max = 64) String templateId, @Size(max = 256) String page, @NotNull Boolean enabled) {}

    record PushRequest(@NotNull MessageKind kind, @Size(max = 32) String levelCode, @Size(max = 32) String tag, Long guideId, Long segmentId,
                       @NotNull @Size(max = 10) Map<@NotBlank @Size(max = 32) String, @NotNull @Size(max = 20) String> data,
                       @Min(1) @Max(50) Integer perSecond) {}

    @PostMapping("/api/subscriptions")
    @Operation(summary = "Record the templates the member accepted in wx.requestSubscribeMessage; each acceptance allows one send")
    Acceptances accept(@Valid @RequestBody AcceptRequest request) {
        return new Acceptances(messages.accept(CurrentPrincipal.memberId(), request.templateIds()));
    }

    @GetMapping("/api/subscriptions")
    @Operation(summary = "The calling member's unused acceptances per template")
    Acceptances mine() {
        return new Acceptances(messages.unused(CurrentPrincipal.memberId()));
    }

    @GetMapping("/admin/subscription-templates")
    @Operation(summary = "Which WeChat template serves each message the mall sends")
    List<SubscriptionMapper.Template> templates() {
        return messages.templates();
    }

    @PutMapping("/admin/subscription-templates/{kind}")
    List<SubscriptionMapper.Template> setTemplate(@PathVariable MessageKind kind, @Valid @RequestBody TemplateRequest request) {
        CurrentPrincipal.require(Role.MERCHANT);
        return messages.setTemplate(kind, request.templateId(), request.page(), request.enabled());
    }

    @PostMapping("/admin/subscription-pushes")
    @Idempotent(value = "subscription.push", keyRequired = false)
    @Operation(summary = "Push a template to a segment (level, tag, a guide's customers, an insight segment — combinable) at a send "
            + "rate; counts sent, skipped (no acceptance) and failed")
    SubscriptionPushes.PushResult push(@Valid @RequestBody PushRequest request) {
        long merchantId = CurrentPrincipal.require(Role.MERCHANT).id();
        SubscriptionPushes.Segment segment = new SubscriptionPushes.Segment(request.levelCode(), request.tag(), request.guideId(),
                request.segmentId());
        return pushes.push(request.kind(), segment, request.data(), request.perSecond() == null ? 20 : request.perSecond(), merchantId);
    }
}
