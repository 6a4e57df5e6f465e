package com.siyumall.devstack;

import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * Starts the dev stack as its own process for {@code deploy/run-local.sh}: writes the settings the services import to
 * the file named by the first argument, prints {@code DEVSTACK READY}, and runs until it is stopped.
 */
public final class DevStackMain {
    private DevStackMain() {}

    public static void main(String[] args) throws IOException, InterruptedException {
        Path settings = Path.of(args.length > 0 ? args[0] : "deploy/.run/devstack.properties");
        int sandboxPort = Integer.parseInt(Env.get("WECHAT_SANDBOX_PORT", "8090"));
        boolean autoPay = Boolean.parseBoolean(Env.get("WECHAT_SANDBOX_AUTOPAY", "true"));
        DevStack stack = DevStack.start(sandboxPort, autoPay);

        Properties properties = new Properties();
        properties.putAll(stack.serviceProperties());
        Files.createDirectories(settings.toAbsolutePath().getParent());
        Path temporary = settings.resolveSibling(settings.getFileName() + ".tmp");
        try (OutputStream out = new FileOutputStream(temporary.toFile())) {
            properties.store(out, "Written by the SiyuMall dev stack; services import it. Development keys only.");
        }
        Files.move(temporary, settings, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        System.out.println("DEVSTACK READY sandbox=" + stack.wechat().url() + " namesrv=" + stack.rocketMq().nameServerAddress()
                + " mysql=" + stack.mysql().host() + ":" + stack.mysql().port() + (stack.mysql().embedded() ? "(embedded)" : "")
                + " redis=" + stack.redis().host() + ":" + stack.redis().port() + (stack.redis().embedded() ? "(embedded)" : ""));
        new CountDownLatch(1).await();
    }
}
