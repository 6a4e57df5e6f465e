package com.siyumall.order;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.EventContracts;
import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.order.support.UpstreamServices;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The events order-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = {"spring.config.name=order-service", "siyumall.order.unpaid-timeout=10m"})
class EventContractsTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @DynamicPropertySource
    static void upstream(DynamicPropertyRegistry registry) {
        UpstreamServices.register(registry);
    }

    @Test
    void theEventsThisServicePublishesStillProduceTheirCommittedSamples() throws Exception {
        assertThat(EventContracts.verifyProducer("order", "com.siyumall.order", json)).isEmpty();
    }

    @Test
    void everyEventThisServiceConsumesIsReadableFromItsProducersSample() throws Exception {
        assertThat(EventContracts.verifyConsumers(context, json)).isEmpty();
    }
}
