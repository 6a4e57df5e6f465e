package com.siyumall.promotion;

import com.siyumall.common.testsupport.EventContractsCheck;
import com.siyumall.common.testsupport.MallIntegrationTest;

/** The events promotion-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class EventContractsTest extends EventContractsCheck {
    EventContractsTest() {
        super("promotion", "com.siyumall.promotion");
    }
}
