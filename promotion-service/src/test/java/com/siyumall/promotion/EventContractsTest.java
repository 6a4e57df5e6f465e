package com.siyumall.promotion;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.testsupport.EventContracts;
import com.siyumall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/** The events promotion-service publishes match their committed samples, and every event it consumes reads from its producer's. */
@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class EventContractsTest {
    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    @Test
    void theEventsThisServicePublishesStillProduceTheirCommittedSamples() throws Exception {
        assertThat(EventContracts.verifyProducer("promotion", "com.siyumall.promotion", json)).isEmpty();
    }

    @Test
    void everyEventThisServiceConsumesIsReadableFromItsProducersSample() throws Exception {
        assertThat(EventContracts.verifyConsumers(context, json)).isEmpty();
    }
}
