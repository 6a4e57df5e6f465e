package com.siyumall.insight;

import com.siyumall.common.testsupport.EventContractsCheck;

/** The events insight-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@InsightIntegrationTest
class EventContractsTest extends EventContractsCheck {
    EventContractsTest() {
        super("insight", "com.siyumall.insight");
    }
}
