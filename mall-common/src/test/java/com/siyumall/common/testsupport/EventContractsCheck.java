package com.siyumall.common.testsupport;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A service's two event-contract checks ({@link EventContracts}); each service's {@code EventContractsTest} extends
 * this with its own Spring test configuration, naming its service and base package.
 */
public abstract class EventContractsCheck {
    private final String service;
    private final String basePackage;

    @Autowired
    ApplicationContext context;
    @Autowired
    ObjectMapper json;

    protected EventContractsCheck(String service, String basePackage) {
        this.service = service;
        this.basePackage = basePackage;
    }

    @Test
    public void theEventsThisServicePublishesStillProduceTheirCommittedSamples() throws Exception {
        assertThat(EventContracts.verifyProducer(service, basePackage, json)).isEmpty();
    }

    @Test
    public void everyEventThisServiceConsumesIsReadAndHandledFromItsProducersSample() throws Exception {
        assertThat(EventContracts.verifyConsumers(context, json)).isEmpty();
    }
}
