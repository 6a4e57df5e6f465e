package com.siyumall.devstack;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import redis.embedded.RedisServer;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;

/** Redis at REDIS_HOST:REDIS_PORT (default 127.0.0.1:6379) when it answers PING, else an embedded one on a free port. */
public final class Redis {
    private static final Logger log = LoggerFactory.getLogger(Redis.class);

    private final String host;
    private final int port;
    private final String password;
    private final RedisServer embedded;

    private Redis(String host, int port, String password, RedisServer embedded) {
        this.host = host;
        this.port = port;
        this.password = password;
        this.embedded = embedded;
    }

    static Redis start(File workDir) {
        String host = Env.get("REDIS_HOST", "127.0.0.1");
        int port = Integer.parseInt(Env.get("REDIS_PORT", "6379"));
        String password = Env.get("REDIS_PASSWORD", "");
        if (answersPing(host, port, password)) {
            log.info("Using the Redis server at {}:{}", host, port);
            return new Redis(host, port, password, null);
        }
        try {
            int freePort = Ports.free();
            File dir = new File(workDir, "redis-" + freePort);
            dir.mkdirs();
            log.info("No Redis answers at {}:{}; starting an embedded Redis on port {}", host, port, freePort);
            RedisServer server = RedisServer.newRedisServer()
                    .bind("127.0.0.1")
                    .port(freePort)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .setting("dir " + dir.getAbsolutePath())
                    .onShutdownForceStop(true)
                    .build();
            server.start();
            return new Redis("127.0.0.1", freePort, "", server);
        } catch (IOException e) {
            throw new IllegalStateException("Could not start the embedded Redis", e);
        }
    }

    static boolean answersPing(String host, int port, String password) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 500);
            socket.setSoTimeout(1000);
            OutputStream out = socket.getOutputStream();
            if (!password.isEmpty()) {
                out.write(("AUTH " + password + "\r\n").getBytes(StandardCharsets.UTF_8));
            }
            out.write("PING\r\n".getBytes(StandardCharsets.UTF_8));
            out.flush();
            byte[] buffer = new byte[256];
            InputStream in = socket.getInputStream();
            int read = in.read(buffer);
            return read > 0 && new String(buffer, 0, read, StandardCharsets.UTF_8).contains("PONG");
        } catch (IOException e) {
            return false;
        }
    }

    void stop() {
        if (embedded != null) {
            try {
                embedded.stop();
            } catch (IOException e) {
                log.warn("Embedded Redis did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    public String host() { return host; }
    public int port() { return port; }
    public String password() { return password; }
    public boolean embedded() { return embedded != null; }
}
