package com.siyumall.order.fulfilment;

import com.siyumall.order.order.OrderLifecycle;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

import java.time.Duration;

/**
 * Reminds the members whose pick-up orders still wait at the store {@code siyumall.pickup.remind-after} (3 days)
 * after payment: once per order ({@code PickupReminderDue}; member-service sends the subscription message). Every
 * instance may run it: the reminder is marked on the order by a guarded update, so it goes out once.
 */
@Component
class PickupReminders {
    private static final Logger log = LoggerFactory.getLogger(PickupReminders.class);
    private static final int BATCH = 200;

    private final OrderLifecycle lifecycle;
    private final Duration remindAfter;

    PickupReminders(OrderLifecycle lifecycle, @Value("${siyumall.pickup.remind-after:3d}") Duration remindAfter) {
        this.lifecycle = lifecycle;
        this.remindAfter = remindAfter;
    }

    @Scheduled(fixedDelayString = "${siyumall.pickup.sweep-every:10m}", initialDelayString = "${siyumall.pickup.sweep-every:10m}")
    void remind() {
        int told;
        do {
            told = lifecycle.remindWaitingPickups(remindAfter, BATCH);
            if (told > 0) {
                log.info("Reminded {} members of pick-up orders waiting since {} ago", told, remindAfter);
            }
        } while (told == BATCH);
    }
}
