package com.siyumall.common.saga;

import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;

import java.util.List;

@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class HoldsConfiguration {
    @Bean
    @ConditionalOnBean(AbandonedHolds.class)
    AbandonedHoldsController abandonedHoldsController(List<AbandonedHolds> sweeps) {
        return new AbandonedHoldsController(sweeps);
    }
}
