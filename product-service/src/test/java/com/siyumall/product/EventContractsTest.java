package com.siyumall.product;

import com.siyumall.common.testsupport.EventContractsCheck;
import com.siyumall.common.testsupport.MallIntegrationTest;

/** The events product-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = "spring.config.name=product-service")
class EventContractsTest extends EventContractsCheck {
    EventContractsTest() {
        super("product", "com.siyumall.product");
    }
}
