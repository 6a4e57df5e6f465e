package com.siyumall.order.checkout;

import com.siyumall.order.attribution.OrderAttributions;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;

import java.time.Instant;

/**
 * The shopper's last touch, sent with an order as {@code attribution} (every field optional): the mini-program's launch
 * scene, the channel of the link or code it was opened from, and the share last opened (whose, and when).
 */
record TouchRequest(@Min(1000) @Max(9999) Integer scene, @Pattern(regexp = "[A-Za-z0-9_.\\-]{1,32}") String channel,
                    @Positive Long sharerId, Instant sharedAt) {
    static OrderAttributions.Touch of(TouchRequest request) {
        return request == null ? null : new OrderAttributions.Touch(request.scene(), request.channel(), request.sharerId(), request.sharedAt());
    }
}
