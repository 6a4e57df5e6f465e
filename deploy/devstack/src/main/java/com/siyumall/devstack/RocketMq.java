package com.siyumall.devstack;

import org.apache.rocketmq.broker.BrokerController;
import org.apache.rocketmq.common.BrokerConfig;
import org.apache.rocketmq.common.MQVersion;
import org.apache.rocketmq.common.TopicConfig;
import org.apache.rocketmq.common.namesrv.NamesrvConfig;
import org.apache.rocketmq.namesrv.NamesrvController;
import org.apache.rocketmq.remoting.netty.NettyClientConfig;
import org.apache.rocketmq.remoting.netty.NettyServerConfig;
import org.apache.rocketmq.remoting.protocol.RemotingCommand;
import org.apache.rocketmq.remoting.protocol.route.TopicRouteData;
import org.apache.rocketmq.store.config.MessageStoreConfig;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * A RocketMQ 5 name server and broker in this JVM, or the external name server named by ROCKETMQ_NAMESRV.
 * Every setting here was needed by a failing run; see docs/STACK-FACTS.md ("RocketMQ in-process").
 */
public final class RocketMq {
    private static final Logger log = LoggerFactory.getLogger(RocketMq.class);

    /** Topics created up front: a consumer started before a topic exists would not see it for ~30 s. */
    public static final List<String> TOPICS = List.of(
            "MEMBER_EVENTS", "PRODUCT_EVENTS", "ORDER_EVENTS", "PROMOTION_EVENTS", "BEHAVIOR_EVENTS", "INSIGHT_EVENTS",
            "MEMBER_TIMERS", "PRODUCT_TIMERS", "ORDER_TIMERS", "PROMOTION_TIMERS",
            "MALL_TEST_EVENTS");

    private final String nameServerAddress;
    private final NamesrvController nameServer;
    private final BrokerController broker;

    private RocketMq(String nameServerAddress, NamesrvController nameServer, BrokerController broker) {
        this.nameServerAddress = nameServerAddress;
        this.nameServer = nameServer;
        this.broker = broker;
    }

    static {
        // must be set before any RocketMQ class talks, or the broker publishes no topic routes
        System.setProperty(RemotingCommand.REMOTING_VERSION_KEY, Integer.toString(MQVersion.CURRENT_VERSION));
        if (System.getProperty("rocketmq.client.rebalance.waitInterval") == null) {
            System.setProperty("rocketmq.client.rebalance.waitInterval", "1000");
        }
        if (System.getProperty("rmq.logback.configurationFile") == null) {
            var config = RocketMq.class.getResource("/rmq.logback-devstack.xml");
            if (config != null) {
                System.setProperty("rmq.logback.configurationFile", config.toString());
            }
        }
    }

    static RocketMq start(File workDir) {
        String external = Env.get("ROCKETMQ_NAMESRV", "");
        if (!external.isEmpty()) {
            log.info("Using the RocketMQ name server at {}", external);
            return new RocketMq(external, null, null);
        }
        try {
            NamesrvController nameServer = startNameServer(workDir);
            String address = "127.0.0.1:" + nameServer.getRemotingServer().localListenPort();
            BrokerController broker = startBroker(workDir, address);
            RocketMq rocketMq = new RocketMq(address, nameServer, broker);
            List<String> topics = new ArrayList<>(TOPICS);
            String extra = Env.get("ROCKETMQ_EXTRA_TOPICS", "");
            if (!extra.isEmpty()) {
                topics.addAll(Arrays.asList(extra.split(",")));
            }
            rocketMq.createTopics(topics);
            log.info("In-process RocketMQ ready: name server {}, broker {}", address, broker.getBrokerAddr());
            return rocketMq;
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the in-process RocketMQ", e);
        }
    }

    private static NamesrvController startNameServer(File workDir) throws Exception {
        NamesrvConfig config = new NamesrvConfig();
        File dir = new File(workDir, "namesrv");
        dir.mkdirs();
        config.setKvConfigPath(new File(dir, "kvConfig.json").getAbsolutePath());
        config.setConfigStorePath(new File(dir, "namesrv.properties").getAbsolutePath());
        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(0);
        NamesrvController controller = new NamesrvController(config, server, new NettyClientConfig());
        if (!controller.initialize()) {
            throw new IllegalStateException("name server did not initialize");
        }
        controller.start();
        return controller;
    }

    /**
     * Where the broker keeps messages, timers and consumer offsets. Per process by default (tests start and drop a
     * stack per JVM); with {@code DEVSTACK_KEEP_BROKER_STORE=true} (run-local.sh) one store that outlives a restart, so
     * delayed messages — an unpaid order's timeout — still arrive after the mall was stopped and started again.
     */
    static File storeDir(File workDir) {
        return keepsStore() ? new File(workDir, "broker-store") : new File(workDir, "broker-store-" + ProcessHandle.current().pid());
    }

    static boolean keepsStore() {
        return Boolean.parseBoolean(Env.get("DEVSTACK_KEEP_BROKER_STORE", "false"));
    }

    private static BrokerController startBroker(File workDir, String nameServerAddress) throws Exception {
        File store = storeDir(workDir);
        BrokerConfig config = new BrokerConfig();
        config.setBrokerName("devstack-broker");
        config.setBrokerClusterName("devstack");
        config.setBrokerIP1("127.0.0.1");
        config.setNamesrvAddr(nameServerAddress);
        config.setAutoCreateTopicEnable(true);
        config.setAutoCreateSubscriptionGroup(true);
        config.setTransactionCheckInterval(1000);
        config.setTransactionTimeOut(1000);

        NettyServerConfig server = new NettyServerConfig();
        server.setBindAddress("127.0.0.1");
        server.setListenPort(Ports.free());

        MessageStoreConfig storeConfig = new MessageStoreConfig();
        storeConfig.setStorePathRootDir(store.getAbsolutePath());
        storeConfig.setStorePathCommitLog(new File(store, "commitlog").getAbsolutePath());
        storeConfig.setHaListenPort(Ports.free());
        storeConfig.setMappedFileSizeCommitLog(16 * 1024 * 1024);
        storeConfig.setMappedFileSizeConsumeQueue(200_000);
        storeConfig.setMappedFileSizeTimerLog(4 * 1024 * 1024);
        storeConfig.setMaxIndexNum(1000);
        storeConfig.setMaxHashSlotNum(4000);
        storeConfig.setMaxMessageSize(256 * 1024);
        // the timer wheel (7 days of slots, ~38 MB) is copied and flushed every second by default: the broker's largest
        // idle cost (still 0.01 cores at every 10 s, measured). Every minute is plenty for a dev stack: a crash may
        // delay a timer, the services' sweeps catch it.
        storeConfig.setTimerFlushIntervalMs(60_000);
        // each timer thread polls its queue every 10 ms, busy or not: one of each is plenty for a dev stack's timers
        storeConfig.setTimerGetMessageThreadNum(1);
        storeConfig.setTimerPutMessageThreadNum(1);
        // every delay level is a task polling its queue ten times a second; consumer retries use levels 3 and up, one
        // per delivery, and a message is parked after siyumall.events.max-deliveries (4): ten levels leave room
        storeConfig.setMessageDelayLevel("1s 5s 10s 30s 1m 2m 3m 4m 5m 10m");

        BrokerController broker = new BrokerController(config, server, new NettyClientConfig(), storeConfig);
        if (!broker.initialize()) {
            throw new IllegalStateException("broker did not initialize");
        }
        broker.start();
        stopPopConsumption(broker);
        // one broker, no replicas: the HA service's group-transfer thread would wake every 10 ms for nobody
        broker.getMessageStore().getHaService().shutdown();
        return broker;
    }

    /**
     * The mall's consumers pull (push consumers over long polling); nobody pops. The pop services poll every few
     * milliseconds all the same — the merge buffer every 5 ms, the long-polling and revive services each their own
     * loop — a seventh of the idle broker's CPU (per-thread /proc counters over 60 s), so the dev stack stops them.
     */
    private static void stopPopConsumption(BrokerController broker) {
        broker.getPopMessageProcessor().getPopBufferMergeService().shutdown();
        broker.getPopMessageProcessor().getPopLongPollingService().shutdown();
        broker.getNotificationProcessor().getPopLongPollingService().shutdown();
        broker.getAckMessageProcessor().shutdownPopReviveService();
    }

    /** Creates the topics on the in-process broker and waits until the name server routes them. */
    public void createTopics(List<String> topics) {
        if (broker == null) {
            return;
        }
        for (String topic : topics) {
            TopicConfig topicConfig = new TopicConfig(topic.trim(), 4, 4);
            broker.getTopicConfigManager().updateTopicConfig(topicConfig);
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (true) {
            broker.registerBrokerAll(true, false, true);
            boolean allRouted = topics.stream().allMatch(this::routed);
            if (allRouted) {
                return;
            }
            if (System.currentTimeMillis() > deadline) {
                throw new IllegalStateException("name server did not learn the routes of " + topics);
            }
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
    }

    private boolean routed(String topic) {
        TopicRouteData route = nameServer.getRouteInfoManager().pickupTopicRouteData(topic.trim());
        return route != null && !route.getQueueDatas().isEmpty();
    }

    void stop() {
        if (broker != null) {
            broker.shutdown();
        }
        if (nameServer != null) {
            nameServer.shutdown();
        }
    }

    public String nameServerAddress() { return nameServerAddress; }
    public boolean inProcess() { return broker != null; }
}
