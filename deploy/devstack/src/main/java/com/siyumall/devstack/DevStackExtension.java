package com.siyumall.devstack;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.concurrent.ThreadLocalRandom;

/**
 * JUnit 5: starts the dev stack once per JVM and hands its settings to the code under test as system properties, which
 * Spring Boot reads before its own configuration. Each test JVM gets databases of its own (prefix
 * {@code siyumall_test_<time>_<random>}), dropped when the JVM ends; ones left by killed runs are dropped after 6 hours.
 */
public final class DevStackExtension implements BeforeAllCallback {
    private static final Logger log = LoggerFactory.getLogger(DevStackExtension.class);
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyMMddHHmmss");
    private static String databasePrefix;

    @Override
    public void beforeAll(ExtensionContext context) {
        prepare();
    }

    /** The prefix of this JVM's test databases: a service's database is {@code <prefix>_<service>}. */
    public static synchronized String prepare() {
        if (databasePrefix != null) {
            return databasePrefix;
        }
        DevStack stack = DevStack.get();
        stack.serviceProperties().forEach(System::setProperty);
        String prefix = "siyumall_test_" + LocalDateTime.now().format(STAMP) + "_" + Integer.toString(ThreadLocalRandom.current().nextInt(36 * 36 * 36), 36);
        System.setProperty("siyumall.database-prefix", prefix);
        dropStaleTestDatabases(stack.mysql());
        Runtime.getRuntime().addShutdownHook(new Thread(() -> dropDatabases(stack.mysql(), prefix + "\\_%"), "drop-test-databases"));
        databasePrefix = prefix;
        return prefix;
    }

    private static void dropStaleTestDatabases(MySql mysql) {
        LocalDateTime cutoff = LocalDateTime.now().minusHours(6);
        for (String name : mysql.databasesLike("siyumall\\_test\\_%")) {
            String[] parts = name.split("_");
            try {
                if (parts.length > 2 && LocalDateTime.parse(parts[2], STAMP).isBefore(cutoff)) {
                    mysql.execute("DROP DATABASE IF EXISTS `" + name + "`");
                }
            } catch (RuntimeException e) {
                log.debug("Leaving database {}: {}", name, e.getMessage());
            }
        }
    }

    private static void dropDatabases(MySql mysql, String pattern) {
        try {
            for (String name : mysql.databasesLike(pattern)) {
                mysql.execute("DROP DATABASE IF EXISTS `" + name + "`");
            }
        } catch (RuntimeException e) {
            log.warn("Could not drop test databases {}: {}", pattern, e.getMessage());
        }
    }
}
