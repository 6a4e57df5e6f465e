package com.siyumall.common.event;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.MeterRegistry;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.spring.autoconfigure.RocketMQAutoConfiguration;
import org.apache.rocketmq.spring.core.RocketMQTemplate;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.jdbc.DataSourceAutoConfiguration;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.boot.autoconfigure.transaction.TransactionAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.core.env.Environment;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionTemplate;

import java.time.Clock;
import java.time.Duration;

/** The outbox publisher and its relay, for every service that has a database and a RocketMQ producer. */
@AutoConfiguration(after = {RocketMQAutoConfiguration.class, DataSourceAutoConfiguration.class,
        JdbcTemplateAutoConfiguration.class, TransactionAutoConfiguration.class})
@ConditionalOnBean({RocketMQTemplate.class, JdbcTemplate.class})
public class EventConfiguration {

    @Bean
    static SharedClientInstance sharedRocketMQClientInstance(Environment environment) {
        return new SharedClientInstance(environment.getProperty("spring.application.name", "siyumall"));
    }

    /**
     * RocketMQ 5's producer runs two auto-batching guard threads that wake every {@code batchMaxDelayMs / 2} (5 ms) even
     * when auto-batching is off: measured, half of an idle service's CPU. Sends here are never auto-batched, so the
     * guards may sleep 10 s. (A producer that does auto-batch keeps its delay.)
     */
    @Bean
    static BeanPostProcessor idleProducerBatchGuards() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessBeforeInitialization(Object bean, String beanName) {
                if (bean instanceof DefaultMQProducer producer && !producer.getAutoBatch()) {
                    producer.batchMaxDelayMs(20_000);
                }
                return bean;
            }
        };
    }

    @Bean
    OutboxRelay outboxRelay(JdbcTemplate jdbc, TransactionTemplate transactions, RocketMQTemplate rocketMQ, Clock clock,
                            MeterRegistry metrics, @Value("${siyumall.events.relay-sweep:5s}") Duration sweep,
                            @Value("${siyumall.events.broker-max-delay:2d}") Duration brokerMaxDelay) {
        return new OutboxRelay(jdbc, transactions, rocketMQ.getProducer(), clock, metrics, sweep, brokerMaxDelay);
    }

    @Bean
    DeadLetters deadLetters(JdbcTemplate jdbc, Clock clock, MeterRegistry metrics, ObjectProvider<IdempotentEventListener<?>> listeners) {
        return new DeadLetters(jdbc, clock, metrics, listeners);
    }

    @Bean
    @ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
    DeadLetterController deadLetterController(DeadLetters deadLetters) {
        return new DeadLetterController(deadLetters);
    }

    @Bean
    EventPublisher eventPublisher(JdbcTemplate jdbc, ObjectMapper json, Clock clock, OutboxRelay relay, RocketMQTemplate rocketMQ) {
        return new EventPublisher(jdbc, json, clock, relay, rocketMQ.getProducer());
    }
}
