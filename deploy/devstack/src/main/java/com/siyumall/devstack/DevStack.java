package com.siyumall.devstack;

import com.siyumall.devstack.wechat.PayCrypto;
import com.siyumall.devstack.wechat.SandboxCredentials;
import com.siyumall.devstack.wechat.WechatSandbox;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;

/**
 * The mall's infrastructure for one JVM: MySQL, Redis, RocketMQ and the WeChat sandbox, started once and stopped by a
 * shutdown hook. Also the key material the services share in development: the JWT signing key pair and the secret
 * that authenticates service-to-service calls.
 */
public final class DevStack {
    private static final Logger log = LoggerFactory.getLogger(DevStack.class);
    private static DevStack instance;

    private final MySql mysql;
    private final Redis redis;
    private final RocketMq rocketMq;
    private final WechatSandbox wechat;
    private final KeyPair jwtKeys;
    private final String internalSecret;
    private final File workDir;

    private DevStack(MySql mysql, Redis redis, RocketMq rocketMq, WechatSandbox wechat, File workDir) {
        this.mysql = mysql;
        this.redis = redis;
        this.rocketMq = rocketMq;
        this.wechat = wechat;
        this.workDir = workDir;
        this.jwtKeys = PayCrypto.newRsaKeyPair();
        this.internalSecret = PayCrypto.randomString(48);
    }

    /** Starts the stack on first call in this JVM; later calls return the same one. */
    public static synchronized DevStack get() {
        if (instance == null) {
            instance = start(Integer.parseInt(Env.get("WECHAT_SANDBOX_PORT", "0")), Env.flag("WECHAT_SANDBOX_AUTOPAY"));
        }
        return instance;
    }

    static synchronized DevStack start(int sandboxPort, boolean autoPay) {
        if (instance != null) {
            return instance;
        }
        long started = System.nanoTime();
        File workDir = new File(Env.get("DEVSTACK_HOME", System.getProperty("java.io.tmpdir") + "/siyumall-devstack"));
        workDir.mkdirs();
        MySql mysql = MySql.start(workDir);
        Redis redis = Redis.start(workDir);
        RocketMq rocketMq = RocketMq.start(workDir);
        WechatSandbox wechat = WechatSandbox.start(sandboxPort, autoPay);
        DevStack stack = new DevStack(mysql, redis, rocketMq, wechat, workDir);
        Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "devstack-shutdown"));
        log.info("Dev stack up in {} ms: MySQL {}:{}{}, Redis {}:{}{}, RocketMQ {}{}, WeChat sandbox {}",
                (System.nanoTime() - started) / 1_000_000,
                mysql.host(), mysql.port(), mysql.embedded() ? " (embedded)" : "",
                redis.host(), redis.port(), redis.embedded() ? " (embedded)" : "",
                rocketMq.nameServerAddress(), rocketMq.inProcess() ? " (in-process)" : "",
                wechat.url());
        instance = stack;
        return stack;
    }

    /**
     * The settings a SiyuMall service needs to run against this stack. Keys are the services' own property names, so the
     * map can become system properties (tests) or a properties file that the services import (run-local.sh).
     */
    public Map<String, String> serviceProperties() {
        SandboxCredentials wx = wechat.credentials();
        Map<String, String> p = new LinkedHashMap<>();
        p.put("MYSQL_HOST", mysql.host());
        p.put("MYSQL_PORT", Integer.toString(mysql.port()));
        p.put("MYSQL_USER", mysql.user());
        p.put("MYSQL_PASSWORD", mysql.password());
        p.put("REDIS_HOST", redis.host());
        p.put("REDIS_PORT", Integer.toString(redis.port()));
        p.put("REDIS_PASSWORD", redis.password());
        p.put("ROCKETMQ_NAMESRV", rocketMq.nameServerAddress());
        p.put("siyumall.security.jwt.public-key", PayCrypto.pemPublicKey(jwtKeys.getPublic()));
        p.put("siyumall.security.jwt.private-key", PayCrypto.pemPrivateKey(jwtKeys.getPrivate()));
        p.put("siyumall.security.internal-secret", internalSecret);
        p.put("siyumall.wechat.api-host", wechat.url());
        p.put("siyumall.wechat.app-id", wx.appId());
        p.put("siyumall.wechat.app-secret", wx.appSecret());
        p.put("siyumall.wechat.linked-apps[0].app-id", wx.secondAppId());
        p.put("siyumall.wechat.linked-apps[0].app-secret", wx.secondAppSecret());
        // WxJava signs requests and verifies responses only for hosts ending in .mch.weixin.qq.com, so the services
        // call the sandbox by such a name and resolve it to the sandbox's address
        p.put("siyumall.wechat.pay.api-host", wechat.payUrl());
        p.put("siyumall.wechat.pay.resolve-to", "127.0.0.1");
        p.put("siyumall.wechat.pay.mch-id", wx.mchId());
        p.put("siyumall.wechat.pay.api-v3-key", wx.apiV3Key());
        p.put("siyumall.wechat.pay.merchant-serial-no", wx.merchantSerialNo());
        p.put("siyumall.wechat.pay.merchant-private-key", wx.merchantPrivateKeyPem());
        p.put("siyumall.wechat.pay.platform-public-key-id", wx.platformPublicKeyId());
        p.put("siyumall.wechat.pay.platform-public-key", wx.platformPublicKeyPem());
        return p;
    }

    void stop() {
        log.info("Stopping the dev stack");
        wechat.stop();
        rocketMq.stop();
        redis.stop();
        mysql.stop();
        if (!RocketMq.keepsStore()) {
            deleteQuietly(RocketMq.storeDir(workDir).toPath());
        }
    }

    private static void deleteQuietly(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", dir, e.getMessage());
        }
    }

    public MySql mysql() { return mysql; }
    public Redis redis() { return redis; }
    public RocketMq rocketMq() { return rocketMq; }
    public WechatSandbox wechat() { return wechat; }
    public KeyPair jwtKeys() { return jwtKeys; }
    public String internalSecret() { return internalSecret; }
}
