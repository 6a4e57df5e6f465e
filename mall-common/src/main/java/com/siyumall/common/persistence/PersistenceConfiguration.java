package com.siyumall.common.persistence;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.web.IdempotencyKeyHousekeeping;
import com.siyumall.common.web.IdempotentRequests;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.jdbc.JdbcTemplateAutoConfiguration;
import org.springframework.jdbc.core.JdbcTemplate;
import com.baomidou.mybatisplus.annotation.DbType;
import com.baomidou.mybatisplus.core.handlers.MetaObjectHandler;
import com.baomidou.mybatisplus.core.incrementer.DefaultIdentifierGenerator;
import com.baomidou.mybatisplus.core.incrementer.IdentifierGenerator;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.core.toolkit.Sequence;
import com.baomidou.mybatisplus.extension.plugins.MybatisPlusInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.OptimisticLockerInnerInterceptor;
import com.baomidou.mybatisplus.extension.plugins.inner.PaginationInnerInterceptor;
import org.apache.ibatis.reflection.MetaObject;
import org.redisson.config.ConstantDelay;
import org.redisson.spring.starter.RedissonAutoConfigurationCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.context.annotation.Bean;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * MyBatis-Plus as every service uses it: snowflake ids ({@code id-type: assign_id} in the shared defaults), MySQL
 * pagination capped at 100 rows, optimistic locking on {@code @Version} fields, and audit times from the clock.
 */
@AutoConfiguration(after = JdbcTemplateAutoConfiguration.class)
public class PersistenceConfiguration {

    /**
     * Snowflake ids as MyBatis-Plus makes them, but timed by the system clock: its default sequence reads a
     * "System Clock" thread that wakes every millisecond, a few hundredths of a core per idle JVM. Also the generator
     * behind {@code IdWorker}.
     */
    @Bean
    IdentifierGenerator identifierGenerator() {
        IdentifierGenerator generator = new DefaultIdentifierGenerator(new Sequence(null) {
            @Override
            protected long timeGen() {
                return System.currentTimeMillis();
            }
        });
        IdWorker.setIdentifierGenerator(generator);
        return generator;
    }

    @Bean
    MybatisPlusInterceptor mybatisPlusInterceptor() {
        MybatisPlusInterceptor interceptor = new OnceReadSignaturesInterceptor();
        PaginationInnerInterceptor pagination = new PaginationInnerInterceptor(DbType.MYSQL);
        pagination.setMaxLimit(100L);
        interceptor.addInnerInterceptor(pagination);
        interceptor.addInnerInterceptor(new OptimisticLockerInnerInterceptor());
        return interceptor;
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    IdempotentRequests idempotentRequests(JdbcTemplate jdbc, ObjectMapper json, Clock clock,
                                          @Value("${siyumall.idempotency.lease:60s}") Duration lease) {
        return new IdempotentRequests(jdbc, json, clock, lease);
    }

    @Bean
    @ConditionalOnBean(JdbcTemplate.class)
    IdempotencyKeyHousekeeping idempotencyKeyHousekeeping(JdbcTemplate jdbc, Clock clock,
                                                          @Value("${siyumall.idempotency.keep-done:7d}") Duration keepDone) {
        return new IdempotencyKeyHousekeeping(jdbc, clock, keepDone);
    }

    /**
     * Redisson ticks its timer at a fraction of its smallest delay: with the default jittered retry delay (a random
     * 500–1,000 ms) that is often 10–40 ms, 25–100 wake-ups a second in every idle service (up to 0.02 cores each,
     * measured). A constant 1 s retry delay makes it tick every 100 ms; retries against one Redis need no jitter.
     */
    @Bean
    RedissonAutoConfigurationCustomizer redissonConstantRetryDelay() {
        return config -> {
            if (config.isSingleConfig()) {
                config.useSingleServer().setRetryDelay(new ConstantDelay(Duration.ofSeconds(1)));
            }
        };
    }

    @Bean
    RedisKeys redisKeys(@Value("${siyumall.database-prefix:siyumall}") String namespace) {
        return new RedisKeys(namespace);
    }

    /** Fills {@code createdAt} and {@code updatedAt} of any entity that has them. */
    @Bean
    MetaObjectHandler auditTimes(Clock clock) {
        return new MetaObjectHandler() {
            @Override
            public void insertFill(MetaObject metaObject) {
                Instant now = clock.instant();
                strictInsertFill(metaObject, "createdAt", Instant.class, now);
                strictInsertFill(metaObject, "updatedAt", Instant.class, now);
            }

            @Override
            public void updateFill(MetaObject metaObject) {
                setFieldValByName("updatedAt", clock.instant(), metaObject);
            }
        };
    }
}
