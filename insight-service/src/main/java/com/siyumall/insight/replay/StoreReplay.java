package com.siyumall.insight.replay;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.event.IdempotentEventListener;
import org.apache.rocketmq.client.consumer.DefaultLitePullConsumer;
import org.apache.rocketmq.common.message.MessageExt;
import org.apache.rocketmq.common.message.MessageQueue;
import org.apache.rocketmq.spring.annotation.RocketMQMessageListener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationContext;
import org.springframework.core.annotation.AnnotationUtils;
import org.springframework.stereotype.Service;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;

/**
 * Rebuilds the analytical store from what the broker still holds: every retained message on insight's topics, from
 * the first, handed once more to the consumer that stores it ({@link IdempotentEventListener#reapply}). Every fact is
 * written under its own id with {@code INSERT OR IGNORE}, so what the store has is kept once and what it lost (a
 * store file restored from an old copy, deleted, or a new column's backfill) comes back; the live consumers go on
 * meanwhile. One replay at a time, in the background; its progress is {@link #status()}.
 */
@Service
public class StoreReplay {
    private static final Logger log = LoggerFactory.getLogger(StoreReplay.class);
    /** Polls that found nothing, in a row, before the replay counts the topics as read to their end. */
    private static final int EMPTY_POLLS_AT_THE_END = 3;

    public enum State { IDLE, RUNNING, DONE, FAILED }

    /** {@code messages}: read from the topics; {@code applied}: handed to a consumer; {@code unreadable}: skipped. */
    public record Status(State state, Instant startedAt, Instant finishedAt, long messages, long applied, long unreadable, String error) {
        static final Status IDLE = new Status(State.IDLE, null, null, 0, 0, 0, null);
    }

    /** A consumer of insight's, and which of its topic's messages it takes. */
    private record Target(String topic, Set<String> tags, IdempotentEventListener<?> listener) {
        boolean takes(MessageExt message) {
            return topic.equals(message.getTopic()) && (tags.contains("*") || tags.contains(message.getTags()));
        }
    }

    private final ApplicationContext context;
    private final String nameServer;
    private final Clock clock;
    private final AtomicReference<Status> status = new AtomicReference<>(Status.IDLE);
    private final ExecutorService runner = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "insight-replay");
        thread.setDaemon(true);
        return thread;
    });

    StoreReplay(ApplicationContext context, @Value("${rocketmq.name-server}") String nameServer, Clock clock) {
        this.context = context;
        this.nameServer = nameServer;
        this.clock = clock;
    }

    public Status status() {
        return status.get();
    }

    /** Starts a replay; 409 REPLAY_RUNNING while one runs. */
    public Status start() {
        Status current = status.get();
        Status running = new Status(State.RUNNING, clock.instant(), null, 0, 0, 0, null);
        if (current.state() == State.RUNNING || !status.compareAndSet(current, running)) {
            throw new BusinessException(ReplayError.REPLAY_RUNNING);
        }
        runner.execute(() -> run(running.startedAt()));
        return running;
    }

    private void run(Instant startedAt) {
        List<Target> targets = targets();
        long messages = 0;
        long applied = 0;
        long unreadable = 0;
        DefaultLitePullConsumer consumer = new DefaultLitePullConsumer("insight-replay");
        consumer.setNamesrvAddr(nameServer);
        consumer.setAutoCommit(false);
        consumer.setInstanceName("insight-replay-" + startedAt.toEpochMilli());
        try {
            consumer.start();
            List<MessageQueue> queues = new ArrayList<>();
            for (String topic : targets.stream().map(Target::topic).collect(Collectors.toCollection(java.util.TreeSet::new))) {
                queues.addAll(consumer.fetchMessageQueues(topic));
            }
            consumer.assign(queues);
            for (MessageQueue queue : queues) {
                consumer.seekToBegin(queue);
            }
            int emptyPolls = 0;
            while (emptyPolls < EMPTY_POLLS_AT_THE_END) {
                List<MessageExt> batch = consumer.poll(1_000);
                if (batch.isEmpty()) {
                    emptyPolls++;
                    continue;
                }
                emptyPolls = 0;
                for (MessageExt message : batch) {
                    messages++;
                    for (Target target : targets) {
                        if (target.takes(message)) {
                            if (target.listener().reapply(message)) {
                                applied++;
                            } else {
                                unreadable++;
                            }
                        }
                    }
                }
                status.set(new Status(State.RUNNING, startedAt, null, messages, applied, unreadable, null));
            }
            status.set(new Status(State.DONE, startedAt, clock.instant(), messages, applied, unreadable, null));
            log.info("Store replay read {} messages, applied {}, skipped {} unreadable", messages, applied, unreadable);
        } catch (Exception | Error failure) {
            log.error("Store replay failed after {} messages", messages, failure);
            status.set(new Status(State.FAILED, startedAt, clock.instant(), messages, applied, unreadable, failure.toString()));
        } finally {
            consumer.shutdown();
        }
    }

    private List<Target> targets() {
        List<Target> targets = new ArrayList<>();
        @SuppressWarnings("rawtypes")
        Collection<IdempotentEventListener> listeners = context.getBeansOfType(IdempotentEventListener.class).values();
        for (IdempotentEventListener<?> listener : listeners) {
            RocketMQMessageListener subscription = AnnotationUtils.findAnnotation(listener.getClass(), RocketMQMessageListener.class);
            if (subscription != null && listener.replayable()) {
                Set<String> tags = Arrays.stream(subscription.selectorExpression().split("\\|\\|")).map(String::trim)
                        .collect(Collectors.toSet());
                targets.add(new Target(context.getEnvironment().resolvePlaceholders(subscription.topic()), tags, listener));
            }
        }
        return targets;
    }
}
