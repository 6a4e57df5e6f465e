package com.siyumall.member;

import com.siyumall.common.testsupport.EventContractsCheck;
import com.siyumall.common.testsupport.MallIntegrationTest;

/** The events member-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = "spring.config.name=member-service")
class EventContractsTest extends EventContractsCheck {
    EventContractsTest() {
        super("member", "com.siyumall.member");
    }
}
