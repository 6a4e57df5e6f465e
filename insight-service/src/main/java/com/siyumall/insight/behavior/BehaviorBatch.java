package com.siyumall.insight.behavior;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;

/** {@code POST /api/events}: up to 50 events of one shopper, accepted or refused whole. */
@Schema(name = "BehaviorBatch")
record BehaviorBatch(
        @Schema(description = "the mini-program install; required when not logged in. Sent by a logged-in member too, it "
                + "makes the device's earlier anonymous events that member's (the first member seen on a device keeps it)")
        @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String deviceId,
        @NotNull @Size(min = 1, max = 50) List<@NotNull @Valid Input> events) {

    @Schema(name = "BehaviorEvent")
    record Input(
            @Schema(description = "the client's id of the event; a batch sent again with the same ids counts once "
                    + "(without one, the id is derived from the event's content)")
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._:-]+") String eventId,
            @Schema(description = "page_view, product_view, add_cart, share, share_open, search, coupon_view, "
                    + "banner_click, qrcode_scan, or a merchant's custom event name")
            @NotNull @Pattern(regexp = "[a-z][a-z0-9_]{0,63}") String type,
            @Schema(description = "when it happened on the device") @NotNull OffsetDateTime at,
            @Size(max = 256) String page,
            @Size(max = 256) String refPage,
            @Schema(description = "the mini-program scene value") @Min(1000) @Max(9999) Integer scene,
            @Size(max = 64) @Pattern(regexp = "[A-Za-z0-9._-]+") String channel,
            @Schema(description = "the member whose share brought the shopper here") @Positive Long sharerId,
            @Positive Long spuId,
            @Size(max = 20) Map<@Size(min = 1, max = 64) String, @NotNull @Size(max = 256) String> props) {
    }
}
