package com.siyumall.common.time;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

import java.time.Clock;

/** The injected clock; tests replace it to move time. Code never calls {@code now()} without it. */
@AutoConfiguration
public class ClockConfiguration {

    @Bean
    @ConditionalOnMissingBean
    Clock clock() {
        return Clock.system(BusinessTime.ZONE);
    }
}
