package com.siyumall.bench.insight;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.devstack.DevStackExtension;
import com.siyumall.insight.InsightServiceApplication;
import com.siyumall.insight.demo.SyntheticMall;
import com.siyumall.insight.demo.SyntheticMallLoader;
import com.siyumall.insight.paths.PageFlowRollup;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.context.ConfigurableApplicationContext;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data bank at scale: a synthetic history of about 10 million behavior events (200,000 members over 60 days) goes
 * into a store file of its own, then insight-service, started in this JVM on the dev stack like the tests start it,
 * answers every report over HTTP. Per report: the first answer (cold), the median and slowest of the next
 * {@code -Drepeat} (5), and the CPU milliseconds of this process per answer (the store's native threads included; the
 * in-process broker's idle work too, which is small). The file is kept (bench/target/insight-10m.duckdb) and reused
 * while it holds the same history; {@code -Dreload=true} builds it again.
 */
public final class TenMillionEvents {
    private static final LocalDate FIRST_DAY = LocalDate.of(2020, 1, 1);
    private static final int DAYS = 60;
    private static final long FIRST_ID = 8_000_000_000L;

    private TenMillionEvents() {}

    public static void main(String[] args) throws Exception {
        int members = Integer.getInteger("members", 200_000);
        int repeat = Integer.getInteger("repeat", 5);
        Path file = Path.of(System.getProperty("store", "target/insight-10m.duckdb"));
        SyntheticMall.Activity activity = new SyntheticMall.Activity(0.4, 5, 14);
        if (Boolean.getBoolean("reload")) {
            Files.deleteIfExists(file);
            Files.deleteIfExists(Path.of(file + ".wal"));
        }
        DevStackExtension.prepare();
        ConfigurableApplicationContext insight = InsightServiceApplication.application().run("--server.port=0",
                "--siyumall.insight.store-path=" + file.toAbsolutePath(),
                "--siyumall.insight.store-memory-limit=" + System.getProperty("storeMemory", "512MB"),
                // the background jobs would run amid the load and the timings; the bench rolls up itself, once
                "--siyumall.insight.rollup-every=1h", "--siyumall.insight.wake-up.check-every=1h");
        StringBuilder out = new StringBuilder();
        try {
            AnalyticsStore store = insight.getBean(AnalyticsStore.class);
            long events = count(store, "behavior_event");
            if (count(store, "member_fact") != members) {
                long cpu = cpuNanos();
                long started = System.nanoTime();
                SyntheticMallLoader.Loaded loaded = insight.getBean(SyntheticMallLoader.class)
                        .generate(7, FIRST_ID, members, FIRST_DAY, DAYS, activity, Instant.now());
                double seconds = (System.nanoTime() - started) / 1e9;
                events = loaded.events();
                out.append(String.format("Loaded %,d members, %,d events, %,d paid orders in %.1f s: %,.0f events/s, %.0f CPU s%n",
                        loaded.members(), loaded.events(), loaded.orders(), seconds, loaded.events() / seconds,
                        (cpuNanos() - cpu) / 1e9));
            }
            out.append(String.format("Store %s: %,d members, %,d events, %,d paid orders, %,d MiB on disk%n%n", file, members, events,
                    count(store, "order_fact"), Files.size(file) / (1 << 20)));
            long rollupStarted = System.nanoTime();
            long rollupCpu = cpuNanos();
            int days = insight.getBean(PageFlowRollup.class).refresh();
            if (days > 0) {
                out.append(String.format("Page flows of %d days rolled up in %.1f s, %.0f CPU s (once; later only changed days)%n",
                        days, (System.nanoTime() - rollupStarted) / 1e9, (cpuNanos() - rollupCpu) / 1e9));
            }
            String base = "http://127.0.0.1:" + insight.getEnvironment().getProperty("local.server.port");
            out.append("| report | cold ms | median ms | slowest ms | CPU ms/answer | answer bytes |\n|---|---:|---:|---:|---:|---:|\n");
            for (Map.Entry<String, String> report : reports().entrySet()) {
                out.append(time(base, report.getKey(), report.getValue(), repeat)).append('\n');
            }
            out.append(String.format("%nPeak RSS of this JVM (insight-service, the dev stack's broker and sandbox): %,d MiB%n", peakRssMebibytes()));
        } finally {
            insight.close();
        }
        System.out.println(out);
        Path written = Path.of("target/insight-10m-" + System.currentTimeMillis() + ".md");
        Files.writeString(written, out.toString());
        System.out.println("Written to bench/" + written);
        System.exit(0);
    }

    private static Map<String, String> reports() {
        String period = "from=" + FIRST_DAY + "&to=" + FIRST_DAY.plusDays(DAYS - 1L);
        Map<String, String> reports = new LinkedHashMap<>();
        reports.put("dashboard (last day)", "/admin/insights/dashboard?day=" + FIRST_DAY.plusDays(DAYS - 1L));
        reports.put("acquisition by scene, 60 days", "/admin/insights/acquisition?by=SCENE&" + period);
        reports.put("acquisition by inviter, 60 days", "/admin/insights/acquisition?by=INVITER&" + period);
        reports.put("funnel 3 steps in 24 h, 60 days", "/admin/insights/funnel?steps=page_view,product_view,add_cart&windowHours=24&" + period);
        reports.put("funnel 4 steps in 7 days, 60 days", "/admin/insights/funnel?steps=page_view,product_view,add_cart,share&windowHours=168&" + period);
        reports.put("first purchase in 7 days, 60 days", "/admin/insights/first-purchase?withinDays=7&" + period);
        reports.put("retention D1–D30, 60 cohorts", "/admin/insights/retention?" + period);
        reports.put("repurchase, 60 days", "/admin/insights/repurchase?" + period);
        reports.put("RFM and pyramid, 60 days", "/admin/insights/rfm?asOf=" + FIRST_DAY.plusDays(DAYS - 1L) + "&lookbackDays=" + DAYS);
        reports.put("lifecycle, 8 weeks", "/admin/insights/lifecycle?asOf=" + FIRST_DAY.plusDays(DAYS - 1L) + "&weeks=8");
        reports.put("usage paths, 60 days", "/admin/insights/paths?" + period);
        reports.put("sharers by reach, 60 days", "/admin/insights/sharers?" + period);
        reports.put("sharers by GMV, 60 days", "/admin/insights/sharers?by=GMV&" + period);
        reports.put("guides, 60 days", "/admin/insights/guides?" + period);
        reports.put("coupons, 60 days", "/admin/insights/coupons?" + period);
        return reports;
    }

    private static String time(String base, String name, String path, int repeat) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest request = HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + TestTokens.merchant(1)).build();
        long cpu = cpuNanos();
        long[] millis = new long[repeat + 1];
        int bytes = 0;
        for (int i = 0; i <= repeat; i++) {
            long started = System.nanoTime();
            HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
            millis[i] = (System.nanoTime() - started) / 1_000_000;
            if (response.statusCode() != 200) {
                throw new IllegalStateException(name + ": " + response.statusCode() + " " + response.body());
            }
            bytes = response.body().length();
        }
        double cpuPerAnswer = (cpuNanos() - cpu) / 1e6 / (repeat + 1);
        long[] warm = Arrays.copyOfRange(millis, 1, millis.length);
        Arrays.sort(warm);
        return String.format("| %s | %,d | %,d | %,d | %,.0f | %,d |", name, millis[0], warm[warm.length / 2], warm[warm.length - 1],
                cpuPerAnswer, bytes);
    }

    private static long count(AnalyticsStore store, String table) {
        return store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
                rows.next();
                return rows.getLong(1);
            }
        });
    }

    private static long cpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime();
    }

    private static long peakRssMebibytes() throws IOException {
        List<String> status = new ArrayList<>(Files.readAllLines(Path.of("/proc/self/status")));
        return status.stream().filter(line -> line.startsWith("VmHWM:")).map(line -> line.replaceAll("\\D", ""))
                .mapToLong(Long::parseLong).findFirst().orElse(0) / 1024;
    }
}
