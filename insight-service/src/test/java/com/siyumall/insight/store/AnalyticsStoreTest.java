package com.siyumall.insight.store;

import com.siyumall.insight.InsightIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** Many writers at once share commits, and every row is stored exactly once however its batch was resent. */
@InsightIntegrationTest
class AnalyticsStoreTest {
    private static final int WRITERS = 16;
    private static final int BATCHES = 40;
    private static final int ROWS = 20;

    @Autowired
    AnalyticsStore store;

    private void appendBatch(String prefix, int writer, int batch) {
        List<String> ids = new ArrayList<>();
        for (int k = 0; k < ROWS; k++) {
            ids.add(prefix + "-" + writer + "-" + batch + "-" + k);
        }
        store.appendNew("behavior_event", ids, (row, id) -> row.append(id).append("page_view").appendNull().append("dev")
                        .append("d:dev").appendNull().appendNull().appendNull().appendNull().appendNull().appendNull().appendNull()
                        .append(LocalDateTime.of(2018, 1, 1, 12, 0)).append(LocalDate.of(2018, 1, 1)).append(LocalDateTime.now()),
                connection -> {
                    for (String id : ids) {
                        try (PreparedStatement insert = connection.prepareStatement("INSERT OR IGNORE INTO behavior_event (event_id, "
                                + "type, device_id, subject, occurred_at, day, received_at) VALUES (?, 'page_view', 'dev', 'd:dev', "
                                + "TIMESTAMP '2018-01-01 12:00:00', DATE '2018-01-01', now())")) {
                            insert.setString(1, id);
                            insert.executeUpdate();
                        }
                    }
                    return null;
                });
    }

    @Test
    void writersAtOnceStoreEveryRowOnceEvenWithBatchesSentTwice() throws Exception {
        String prefix = "gc-" + UUID.randomUUID();
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Callable<Object>> writers = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                int writer = w;
                writers.add(() -> {
                    for (int b = 0; b < BATCHES; b++) {
                        appendBatch(prefix, writer, b);
                        if (b % 5 == 4) {
                            appendBatch(prefix, writer, b - 2); // a batch sent again
                        }
                    }
                    return null;
                });
            }
            for (Future<Object> done : pool.invokeAll(writers, 120, TimeUnit.SECONDS)) {
                done.get(); // each writer returned, none failed
            }
        } finally {
            pool.shutdownNow();
        }
        long[] counts = store.read(connection -> {
            try (PreparedStatement query = connection.prepareStatement(
                    "SELECT COUNT(*), COUNT(DISTINCT event_id) FROM behavior_event WHERE event_id LIKE ?")) {
                query.setString(1, prefix + "-%");
                try (ResultSet rows = query.executeQuery()) {
                    rows.next();
                    return new long[] {rows.getLong(1), rows.getLong(2)};
                }
            }
        });
        assertThat(counts[0]).isEqualTo((long) WRITERS * BATCHES * ROWS);
        assertThat(counts[1]).isEqualTo(counts[0]);
    }
}
