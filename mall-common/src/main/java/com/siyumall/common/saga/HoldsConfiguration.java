package com.siyumall.common.saga;

import com.siyumall.common.security.InternalClients;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.util.List;

/** The abandoned-hold sweep and its endpoint, in every service that owns something checkout takes. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(HeldForOrders.class)
public class HoldsConfiguration {
    @Bean
    AbandonedHolds abandonedHolds(List<HeldForOrders> owners, InternalClients clients, Clock clock, MeterRegistry metrics,
                                  @Value("${siyumall.holds.ttl:3m}") Duration ttl) {
        return new AbandonedHolds(owners, clients, clock, metrics, ttl);
    }

    @Bean
    AbandonedHoldsController abandonedHoldsController(AbandonedHolds holds) {
        return new AbandonedHoldsController(holds);
    }
}
