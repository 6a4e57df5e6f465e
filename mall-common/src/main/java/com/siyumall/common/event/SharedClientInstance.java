package com.siyumall.common.event;

import org.apache.rocketmq.spring.support.DefaultRocketMQListenerContainer;
import org.springframework.beans.factory.config.BeanPostProcessor;

import java.util.UUID;

/**
 * Every consumer of one application context shares one RocketMQ client instance — its connections, heartbeats,
 * rebalance and pull threads. Left to itself RocketMQ 5 names each consumer's client "pid#nanotime", so each got its
 * own: 16 instances and some 160 client threads in promotion-service. The name is unique per context, so tests can run
 * several contexts of a service in one JVM (two consumers of one group may not share an instance).
 */
final class SharedClientInstance implements BeanPostProcessor {
    private final String instanceName;

    SharedClientInstance(String applicationName) {
        this.instanceName = applicationName + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Override
    public Object postProcessBeforeInitialization(Object bean, String beanName) {
        if (bean instanceof DefaultRocketMQListenerContainer container && "DEFAULT".equals(container.getInstanceName())) {
            container.setInstanceName(instanceName);
        }
        return bean;
    }
}
