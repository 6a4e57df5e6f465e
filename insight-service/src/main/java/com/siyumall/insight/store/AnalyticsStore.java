package com.siyumall.insight.store;

import org.duckdb.DuckDBAppender;
import org.duckdb.DuckDBConnection;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;

/**
 * The embedded analytical store: one DuckDB file that this process alone owns (DuckDB locks it against every other
 * process, readers included). Writes go through one connection, one transaction at a time; reads run
 * on their own duplicates of it, so a long report never waits for a write or holds one up. The tables are in
 * {@code insight/analytics-schema.sql}; they are rebuilt from the topics (every write is keyed and idempotent).
 */
@Component
public class AnalyticsStore implements DisposableBean {
    private final DuckDBConnection writer;
    /** Held by whoever writes: one transaction at a time on the writing connection. */
    private final ReentrantLock writing = new ReentrantLock();
    /** Appends waiting for the next group commit. */
    private final List<PendingAppend<?>> queue = new ArrayList<>();

    AnalyticsStore(@Value("${siyumall.insight.store-path}") String path,
                   @Value("${siyumall.insight.store-memory-limit:512MB}") String memoryLimit,
                   @Value("${siyumall.insight.store-threads:2}") int threads) throws SQLException, IOException {
        Properties settings = new Properties();
        settings.setProperty("memory_limit", memoryLimit);
        settings.setProperty("threads", Integer.toString(threads));
        // a feature that needs an extension not built in fails at once instead of trying to download it
        settings.setProperty("autoinstall_known_extensions", "false");
        settings.setProperty("autoload_known_extensions", "false");
        this.writer = (DuckDBConnection) DriverManager.getConnection("jdbc:duckdb:" + path, settings);
        String schema = new ClassPathResource("insight/analytics-schema.sql").getContentAsString(StandardCharsets.UTF_8);
        String statements = schema.lines().filter(line -> !line.trim().startsWith("--")).collect(Collectors.joining("\n"));
        try (Statement statement = writer.createStatement()) {
            for (String ddl : statements.split(";")) {
                if (!ddl.isBlank()) {
                    statement.execute(ddl);
                }
            }
        }
    }

    /** Work on a connection of the store. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    /** Runs {@code work} as one transaction on the writing connection; nothing of it stays when it throws. */
    public <T> T write(Work<T> work) {
        writing.lock();
        try {
            return inTransaction(work);
        } catch (SQLException e) {
            throw new AnalyticsStoreException(e);
        } finally {
            writing.unlock();
        }
    }

    /** {@code work} as one transaction on the writing connection, rolled back when it throws. The caller holds {@link #writing}. */
    private <T> T inTransaction(Work<T> work) throws SQLException {
        writer.setAutoCommit(false);
        try {
            T result = work.run(writer);
            writer.commit();
            return result;
        } catch (SQLException | RuntimeException e) {
            writer.rollback();
            throw e;
        } finally {
            writer.setAutoCommit(true);
        }
    }

    /** Writes one row through DuckDB's appender. */
    @FunctionalInterface
    public interface RowWriter<T> {
        void write(DuckDBAppender row, T value) throws SQLException;
    }

    /**
     * Appends {@code rows} to {@code table} in one go through DuckDB's appender (tens of thousands of rows a second,
     * where INSERTs manage hundreds): for bulk loads of rows known to be new; a key already there fails the load.
     */
    public <T> void append(String table, Iterable<T> rows, RowWriter<T> columns) {
        writing.lock();
        try (DuckDBAppender appender = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            appendRows(appender, rows, columns);
            flush(appender);
        } catch (SQLException e) {
            throw new AnalyticsStoreException(e);
        } finally {
            writing.unlock();
        }
    }

    /**
     * Appends {@code rows} to {@code table} through the appender and returns once they are committed; if a key of them
     * is already there (a fact sent again), {@code ifAKeyExists} writes them instead (e.g. {@code INSERT OR IGNORE}).
     * <p>Callers arriving together share one transaction (group commit): whoever finds the store free writes every
     * batch waiting, the others wait for theirs. Measured in a profile of the consumer: beginning and committing a
     * transaction cost DuckDB as much as appending 20 rows, so one commit per batch capped storage at ~150 batches/s.
     */
    public <T> void appendNew(String table, List<T> rows, RowWriter<T> columns, Work<?> ifAKeyExists) {
        PendingAppend<T> mine = new PendingAppend<>(table, rows, columns, ifAKeyExists, new CompletableFuture<>());
        synchronized (queue) {
            queue.add(mine);
        }
        while (!mine.done().isDone()) {
            if (writing.tryLock()) {
                try {
                    writeQueued();
                } finally {
                    writing.unlock();
                }
            } else {
                awaitBriefly(mine.done());
            }
        }
        try {
            mine.done().join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(e.getCause());
        }
    }

    private record PendingAppend<T>(String table, List<T> rows, RowWriter<T> columns, Work<?> ifAKeyExists,
                                    CompletableFuture<Void> done) {
        void writeTo(DuckDBAppender appender) throws SQLException {
            appendRows(appender, rows, columns);
        }
    }

    private static void awaitBriefly(CompletableFuture<Void> done) {
        try {
            done.get(20, TimeUnit.MILLISECONDS);
        } catch (TimeoutException | ExecutionException notYetOrFailed) {
            // not yet: try to become the writer; failed: the caller's join() reports it
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AnalyticsStoreException(new SQLException("Interrupted while waiting to write", e));
        }
    }

    /** Writes what is queued, as long as something is: callers that queued meanwhile ride along. Holds {@link #writing}. */
    private void writeQueued() {
        while (true) {
            List<PendingAppend<?>> group;
            synchronized (queue) {
                if (queue.isEmpty()) {
                    return;
                }
                group = new ArrayList<>(queue);
                queue.clear();
            }
            if (!writeTogether(group)) {
                // one of them holds a key already there (or failed otherwise): each on its own
                group.forEach(this::writeAlone);
            }
        }
    }

    private boolean writeTogether(List<PendingAppend<?>> group) {
        Map<String, List<PendingAppend<?>>> byTable = new LinkedHashMap<>();
        group.forEach(pending -> byTable.computeIfAbsent(pending.table(), t -> new ArrayList<>()).add(pending));
        try {
            inTransaction(connection -> {
                for (Map.Entry<String, List<PendingAppend<?>>> table : byTable.entrySet()) {
                    appendAll(table.getKey(), table.getValue());
                }
                return null;
            });
        } catch (SQLException | RuntimeException e) {
            return false;
        }
        group.forEach(pending -> pending.done().complete(null));
        return true;
    }

    private void writeAlone(PendingAppend<?> pending) {
        try {
            try {
                inTransaction(connection -> appendAll(pending.table(), List.of(pending)));
            } catch (SQLException e) {
                if (!isDuplicateKey(e)) {
                    throw e;
                }
                inTransaction(pending.ifAKeyExists());
            }
            pending.done().complete(null);
        } catch (SQLException e) {
            pending.done().completeExceptionally(new AnalyticsStoreException(e));
        } catch (RuntimeException e) {
            pending.done().completeExceptionally(e);
        }
    }

    /** One appender for {@code table}, every pending batch's rows through it, flushed. */
    private Void appendAll(String table, List<PendingAppend<?>> pendings) throws SQLException {
        try (DuckDBAppender appender = writer.createAppender(DuckDBConnection.DEFAULT_SCHEMA, table)) {
            for (PendingAppend<?> pending : pendings) {
                pending.writeTo(appender);
            }
            flush(appender);
        }
        return null;
    }

    private static <T> void appendRows(DuckDBAppender appender, Iterable<T> rows, RowWriter<T> columns) throws SQLException {
        for (T value : rows) {
            appender.beginRow();
            columns.write(appender, value);
            appender.endRow();
        }
    }

    /**
     * DuckDB's appender reports a failed flush (a duplicate key) only from {@code flush()}: {@code close()} drops the
     * rows silently (checked with duckdb_jdbc 2.0.0.1).
     */
    private static void flush(DuckDBAppender appender) throws SQLException {
        appender.flush();
    }

    private static boolean isDuplicateKey(SQLException e) {
        String message = String.valueOf(e.getMessage());
        return message.contains("Duplicate key") || message.contains("Constraint Error");
    }

    /** Runs {@code work} on a reading connection of its own. */
    public <T> T read(Work<T> work) {
        try (Connection reader = writer.duplicate()) {
            return work.run(reader);
        } catch (SQLException e) {
            throw new AnalyticsStoreException(e);
        }
    }

    /** The first column of every row {@code sql} answers (member ids, say), its placeholders bound to {@code parameters} in order. */
    public List<Long> longs(String sql, Object... parameters) {
        return read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(sql)) {
                for (int i = 0; i < parameters.length; i++) {
                    query.setObject(i + 1, parameters[i]);
                }
                List<Long> found = new ArrayList<>();
                try (ResultSet rows = query.executeQuery()) {
                    while (rows.next()) {
                        found.add(rows.getLong(1));
                    }
                }
                return found;
            }
        });
    }

    @Override
    public void destroy() throws SQLException {
        writing.lock();
        try {
            writer.close();
        } finally {
            writing.unlock();
        }
    }

    /** The store could not do what it was asked (unchecked: callers cannot recover, the message is retried). */
    public static final class AnalyticsStoreException extends RuntimeException {
        AnalyticsStoreException(SQLException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
