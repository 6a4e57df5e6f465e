package com.siyumall.order;

import com.siyumall.common.testsupport.EventContractsCheck;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.order.support.UpstreamServices;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** The events order-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class EventContractsTest extends EventContractsCheck {
    EventContractsTest() {
        super("order", "com.siyumall.order");
    }

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }
}
