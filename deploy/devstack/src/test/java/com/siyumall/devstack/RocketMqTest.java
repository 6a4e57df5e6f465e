package com.siyumall.devstack;

import org.apache.rocketmq.client.consumer.DefaultMQPushConsumer;
import org.apache.rocketmq.client.consumer.listener.ConsumeConcurrentlyStatus;
import org.apache.rocketmq.client.consumer.listener.MessageListenerConcurrently;
import org.apache.rocketmq.client.producer.DefaultMQProducer;
import org.apache.rocketmq.client.producer.SendStatus;
import org.apache.rocketmq.common.message.Message;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

@DevStackTest
class RocketMqTest {

    @Test
    void aMessageSentToAPreparedTopicReachesASubscriber() throws Exception {
        String nameServer = DevStack.get().rocketMq().nameServerAddress();
        List<String> received = new CopyOnWriteArrayList<>();
        DefaultMQPushConsumer consumer = new DefaultMQPushConsumer("devstack-test-consumer");
        consumer.setNamesrvAddr(nameServer);
        consumer.subscribe("MALL_TEST_EVENTS", "*");
        consumer.registerMessageListener((MessageListenerConcurrently) (messages, context) -> {
            messages.forEach(m -> received.add(new String(m.getBody(), StandardCharsets.UTF_8)));
            return ConsumeConcurrentlyStatus.CONSUME_SUCCESS;
        });
        consumer.start();
        DefaultMQProducer producer = new DefaultMQProducer("devstack-test-producer");
        producer.setNamesrvAddr(nameServer);
        producer.start();
        try {
            String body = "hello-" + System.nanoTime();
            assertThat(producer.send(new Message("MALL_TEST_EVENTS", body.getBytes(StandardCharsets.UTF_8))).getSendStatus())
                    .isEqualTo(SendStatus.SEND_OK);
            await().atMost(java.time.Duration.ofSeconds(30)).until(() -> received.contains(body));
        } finally {
            producer.shutdown();
            consumer.shutdown();
        }
    }

    @Test
    void theTestJvmGetsItsOwnDatabasePrefixAndRedisAnswers() {
        String prefix = DevStackExtension.prepare();
        assertThat(prefix).startsWith("siyumall_test_");
        assertThat(System.getProperty("siyumall.database-prefix")).isEqualTo(prefix);
        Redis redis = DevStack.get().redis();
        assertThat(Redis.answersPing(redis.host(), redis.port(), redis.password())).isTrue();
        DevStack.get().mysql().execute("CREATE DATABASE IF NOT EXISTS `" + prefix + "_probe`");
        assertThat(DevStack.get().mysql().databasesLike(prefix + "\\_probe")).containsExactly(prefix + "_probe");
    }
}
