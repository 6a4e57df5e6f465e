package com.siyumall.order.attribution;

import com.siyumall.order.order.Attribution;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;

import java.time.Duration;
import java.time.Instant;

/**
 * Works out an order's {@link Attribution} at submit. The guide is the one the member is bound to now. The sharer is
 * the member whose share the shopper last opened, as the mini-program reports it with the order — counted only when
 * opened within {@code siyumall.order.share-attribution-window} (7 days) before the submit, not in the future, and not
 * the shopper's own. A touch that does not count leaves the order unattributed to a sharer; it never refuses the order.
 */
@Service
public class OrderAttributions {
    /** A device clock a little ahead of ours is not a share from the future. */
    private static final Duration CLOCK_SKEW = Duration.ofMinutes(5);

    private final GuideBindingMapper bindings;
    private final Duration shareWindow;

    OrderAttributions(GuideBindingMapper bindings, @Value("${siyumall.order.share-attribution-window:7d}") Duration shareWindow) {
        this.bindings = bindings;
        this.shareWindow = shareWindow;
    }

    /** The shopper's last touch as the mini-program saw it: launch scene, channel, the share opened and when. */
    public record Touch(Integer scene, String channel, Long sharerId, Instant sharedAt) {}

    public Attribution of(long memberId, Touch touch, Instant now) {
        GuideBindingMapper.Binding binding = bindings.bindingOf(memberId);
        Long sharer = touch == null ? null : sharerOf(memberId, touch, now);
        return new Attribution(binding == null ? null : binding.guideId(), binding == null ? null : binding.storeId(), sharer,
                touch == null ? null : touch.scene(), touch == null ? null : touch.channel());
    }

    Long sharerOf(long memberId, Touch touch, Instant now) {
        if (touch.sharerId() == null || touch.sharerId() == memberId || touch.sharedAt() == null) {
            return null;
        }
        boolean inWindow = !touch.sharedAt().isBefore(now.minus(shareWindow)) && !touch.sharedAt().isAfter(now.plus(CLOCK_SKEW));
        return inWindow ? touch.sharerId() : null;
    }
}
