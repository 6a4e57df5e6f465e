package com.siyumall.bench.ledger;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

/**
 * The cost ledger: runs the mall's hot scenarios against a running mall (./deploy/run-local.sh, rate limits lifted) and
 * reports for each the throughput, the latency and the CPU milliseconds per operation of every process of the mall,
 * MariaDB and Redis (from /proc/&lt;pid&gt;/stat before and after the measured window). Writes a Markdown table to
 * bench/target/cost-ledger-&lt;time&gt;.md. See bench/README.md.
 *
 * <p>System properties: {@code scenarios} (comma list of idle,detail,list,order-cycle,race,claim,events, and the faults kill-order,
 * broker-pause, redis-flush; default idle,detail,list,order-cycle,race,claim,events),
 * {@code users} (32), {@code seconds} (20), {@code warmup} (5), {@code gatewayUrl} (http://localhost:8080).
 */
public final class CostLedger {
    private static final String GATEWAY = System.getProperty("gatewayUrl", "http://localhost:8080");
    private static final int USERS = Integer.getInteger("users", 32);
    private static final int SECONDS = Integer.getInteger("seconds", 20);
    private static final int WARMUP = Integer.getInteger("warmup", 5);
    private static final String RUN = UUID.randomUUID().toString().substring(0, 6);
    private static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
            .connectTimeout(Duration.ofSeconds(5)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    /** The race looks at the SKU again this long after the last answer (sagas settle, timers, sweeps). */
    private static final Duration RACE_RECHECK_AFTER = Duration.ofSeconds(15);

    private final ProcessCpu cpu = new ProcessCpu();
    private final List<String> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private String merchant;
    private int shopperBatches;

    public static void main(String[] args) throws Exception {
        List<String> scenarios = Arrays.asList(System.getProperty("scenarios", "idle,detail,list,order-cycle,race,claim,events").split(","));
        new CostLedger().run(scenarios);
    }

    private void run(List<String> scenarios) throws Exception {
        merchant = call("POST", "/admin/auth/login", null, "{\"username\":\"merchant\",\"password\":\"merchant123\"}").body.path("accessToken").asText();
        for (String scenario : scenarios) {
            switch (scenario.trim()) {
                case "detail" -> productDetail();
                case "list" -> productList();
                case "order-cycle" -> orderCycle();
                case "race" -> race();
                case "claim" -> claims();
                case "events" -> behaviorEvents();
                case "idle" -> idle();
                case "kill-order" -> killOrderService();
                case "broker-pause" -> pauseBroker();
                case "redis-flush" -> flushRedis();
                default -> throw new IllegalArgumentException("Unknown scenario " + scenario);
            }
        }
        residentMemory();
        write();
    }

    // --- scenarios -------------------------------------------------------------------------------------------------

    private void productDetail() throws Exception {
        List<String> products = productIds();
        measure("product detail (anonymous)", USERS, (user, i) ->
                status(call("GET", "/api/products/" + products.get(ThreadLocalRandom.current().nextInt(products.size())), null, null)));
    }

    private void productList() throws Exception {
        List<String> sorts = List.of("sales", "price", "new");
        measure("product list (anonymous)", USERS, (user, i) ->
                status(call("GET", "/api/products?sort=" + sorts.get(i % sorts.size()) + "&page=1&size=20", null, null)));
    }

    /** cart add → preview → submit (pick-up at a demo store); one operation is the whole cycle, its outcome the submit's. */
    private void orderCycle() throws Exception {
        String skuId = newProduct("cycle", 1_000_000).path("skus").get(0).path("skuId").asText();
        String storeId = demoStore();
        List<String> tokens = shoppers("cycle", USERS);
        String item = "{\"skuId\":\"" + skuId + "\",\"quantity\":1}";
        String order = "{\"items\":[" + item + "],\"storeId\":\"" + storeId + "\"}";
        measure("order cycle: cart add → preview → submit", USERS, (user, i) -> {
            String token = tokens.get(user);
            Answer added = call("POST", "/api/cart/items", token, item);
            if (added.status >= 300) {
                return "cart " + added.status;
            }
            Answer preview = call("POST", "/api/orders/preview", token, order);
            if (preview.status >= 300) {
                return "preview " + preview.status;
            }
            return status(call("POST", "/api/orders", token, order, UUID.randomUUID().toString()));
        });
    }

    /**
     * Behavior events from the mini-program: each user is a device posting batches of {@value #EVENTS_PER_BATCH} page
     * views; one operation is one batch (events/s = {@value #EVENTS_PER_BATCH} × batches/s).
     */
    private void behaviorEvents() throws Exception {
        measure("behavior events, batches of " + EVENTS_PER_BATCH, USERS, (user, i) -> {
            StringBuilder batch = new StringBuilder("{\"deviceId\":\"ledger-" + RUN + "-" + user + "\",\"events\":[");
            String at = java.time.Instant.now().toString();
            for (int k = 0; k < EVENTS_PER_BATCH; k++) {
                batch.append(k == 0 ? "" : ",").append("{\"eventId\":\"").append(RUN).append('-').append(user).append('-').append(i)
                        .append('-').append(k).append("\",\"type\":\"page_view\",\"at\":\"").append(at)
                        .append("\",\"page\":\"pages/index\"}");
            }
            return status(call("POST", "/api/events", null, batch.append("]}").toString()));
        });
        notes.add("Behavior events: " + EVENTS_PER_BATCH + " per batch, so events/s = " + EVENTS_PER_BATCH + " × the batches/s of its row");
    }

    private static final int EVENTS_PER_BATCH = 20;

    /** 300 shoppers submit at once on a SKU with 100 units; afterwards the units reserved must equal the orders made. */
    private void race() throws Exception {
        int shoppers = Integer.getInteger("raceShoppers", 300);
        int units = Integer.getInteger("raceUnits", 100);
        JsonNode product = newProduct("race", units);
        String spuId = product.path("spuId").asText();
        String skuId = product.path("skus").get(0).path("skuId").asText();
        String storeId = demoStore();
        List<String> tokens = shoppers("race", shoppers);
        String order = "{\"items\":[{\"skuId\":\"" + skuId + "\",\"quantity\":1}],\"storeId\":\"" + storeId + "\"}";
        Map<String, Double> before = cpu.snapshot();
        Load.Result result = Load.burst(shoppers, (user, i) -> {
            Answer answer = call("POST", "/api/orders", tokens.get(user), order, UUID.randomUUID().toString());
            return answer.status + (answer.status >= 400 ? " " + answer.body.path("code").asText("") : "");
        });
        Map<String, Double> after = cpu.snapshot();
        row(shoppers + " submits at once on " + units + " units", result, before, after);
        int created = result.outcomes().getOrDefault("201", 0);
        JsonNode sku = call("GET", "/admin/products/" + spuId, merchant, null).body.path("skus").get(0);
        String now = String.format("reserved %d, sold %d, available %d", sku.path("reserved").asInt(), sku.path("sold").asInt(),
                sku.path("available").asInt());
        Thread.sleep(RACE_RECHECK_AFTER.toMillis()); // not waiting for a condition: the second look must see nothing drift
        sku = call("GET", "/admin/products/" + spuId, merchant, null).body.path("skus").get(0);
        notes.add(String.format("Race: %d × 201 of %d shoppers; right after: %s; 15 s later: reserved %d, sold %d, available %d "
                        + "— %s; slowest answer %.2f s", created, shoppers, now, sku.path("reserved").asInt(), sku.path("sold").asInt(),
                sku.path("available").asInt(), sku.path("reserved").asInt() == created ? "every reserved unit belongs to an order"
                        : "**" + (sku.path("reserved").asInt() - created) + " units reserved for no order**", result.maxMicros() / 1e6));
    }

    /**
     * Claims on one hot template of 20,000: each user claims for ten members in turn (a member may hold 100), so the
     * template sells out under load; afterwards issued must equal the claims accepted.
     */
    private void claims() throws Exception {
        int quantity = Integer.getInteger("claimQuantity", 20_000);
        String templateId = call("POST", "/admin/coupon-templates", merchant,
                "{\"name\":\"ledger-" + RUN + "\",\"type\":\"NO_THRESHOLD\",\"amountOff\":500,\"scope\":\"ALL\",\"validDays\":7,"
                        + "\"totalQuantity\":" + quantity + ",\"perMemberLimit\":100,\"channels\":[\"CLAIM_CENTRE\"]}").body
                .path("templateId").asText();
        if (templateId.isEmpty()) {
            throw new IllegalStateException("Coupon template not created");
        }
        List<String> tokens = shoppers("claim", USERS * 10);
        java.util.concurrent.atomic.AtomicInteger accepted = new java.util.concurrent.atomic.AtomicInteger();
        measure("coupon claims on one hot template", USERS, (user, i) -> {
            Answer answer = call("POST", "/api/coupons/" + templateId + "/claim", tokens.get(user * 10 + i % 10), null);
            if (answer.status == 201) {
                accepted.incrementAndGet();
            }
            return answer.status + (answer.status >= 400 ? " " + answer.body.path("code").asText("") : "");
        });
        int issued = call("GET", "/admin/coupon-templates/" + templateId, merchant, null).body.path("issuedQuantity").asInt();
        notes.add(String.format("Claims: template of %d, %d claims accepted (warm-up included), issued %d — %s", quantity, accepted.get(),
                issued, issued == accepted.get() ? "exact" : "**issued differs from accepted**"));
    }

    /**
     * Chaos: shoppers loop the order cycle while order-service is killed with SIGKILL after a third of the window
     * (run-local.sh starts it again). Afterwards, once every saga had its deadline and a recovery round, the units
     * reserved on the SKU must equal the units of its live orders, and no Idempotency-Key may stay IN_PROGRESS past
     * its lease. Reads the databases directly (MYSQL_HOST/PORT/USER/PASSWORD, defaults of the dev stack).
     */
    private void killOrderService() throws Exception {
        // the kill comes a third into the load window: a timed event of the scenario, not a wait for a condition
        String skuId = newProduct("chaos", 100_000).path("skus").get(0).path("skuId").asText();
        String storeId = demoStore();
        List<String> tokens = shoppers("chaos", USERS);
        String item = "{\"skuId\":\"" + skuId + "\",\"quantity\":1}";
        String order = "{\"items\":[" + item + "],\"storeId\":\"" + storeId + "\"}";
        Thread killer = new Thread(() -> {
            try {
                Thread.sleep(SECONDS * 1000L / 3);
                ProcessHandle.allProcesses().filter(p -> p.info().commandLine().orElse("").contains("order-service-0"))
                        .forEach(p -> {
                            System.out.println("kill -9 order-service " + p.pid());
                            p.destroyForcibly();
                        });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "chaos-killer");
        killer.start();
        Load.Result result = Load.closed(USERS, SECONDS, (user, i) -> {
            Answer answer = call("POST", "/api/orders", tokens.get(user), order, UUID.randomUUID().toString());
            return answer.status + (answer.status >= 400 ? " " + answer.body.path("code").asText("") : "");
        });
        killer.join();
        System.out.println("load done: " + result.outcomes() + "; waiting for order-service and for recovery");
        waitUntil(Duration.ofMinutes(5), CostLedger::orderServiceHealthy);
        try (java.sql.Connection product = database("product"); java.sql.Connection orders = database("order")) {
            // every saga the kill left behind is past its deadline (60 s) and compensated by a recovery round
            waitUntil(Duration.ofMinutes(4), () -> single(orders, "SELECT COUNT(*) FROM checkout_saga WHERE status IN ('STARTED', 'COMPENSATING')") == 0);
            long reserved = single(product, "SELECT reserved FROM sku_stock WHERE sku_id = " + skuId);
            long inLiveOrders = single(orders, "SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN orders o ON o.order_no = l.order_no "
                    + "WHERE l.sku_id = " + skuId + " AND o.status = 'UNPAID'");
            // a key claimed by a killed request stays IN_PROGRESS until its lease (60 s) runs out; the housekeeping (every
            // minute) gives it back then, and a retry may take it over any time after the lease
            String pastLease = "SELECT COUNT(*) FROM idempotency_record WHERE status = 'IN_PROGRESS' AND lease_until < UTC_TIMESTAMP(3)";
            long pastLeaseNow = single(orders, pastLease);
            waitUntil(Duration.ofMinutes(3), () -> single(orders, pastLease) == 0);
            long stuckKeys = single(orders, pastLease);
            long unfinished = single(orders, "SELECT COUNT(*) FROM checkout_saga WHERE status IN ('STARTED', 'COMPENSATING')");
            long compensated = single(orders, "SELECT COUNT(*) FROM checkout_saga WHERE status = 'COMPENSATED'");
            notes.add(String.format("Chaos (kill -9 of order-service a third into %d s of %d looping shoppers): answers %s; afterwards "
                            + "reserved %d vs %d units in live orders — %s; Idempotency-Keys IN_PROGRESS past their lease: %d when "
                            + "the sagas had settled, %d after the next housekeeping round; sagas unfinished: %d (compensated in all: %d)", SECONDS, USERS, result.outcomes(), reserved, inLiveOrders,
                    reserved == inLiveOrders ? "equal" : "**" + (reserved - inLiveOrders) + " units held by no order**", pastLeaseNow, stuckKeys,
                    unfinished, compensated));
        }
    }

    /**
     * The broker — the dev stack's process, which also runs the WeChat sandbox — frozen with SIGSTOP for
     * {@code -DpauseSeconds} (60) a few seconds into a load of shoppers who submit an order and cancel it, then resumed
     * with SIGCONT. Neither request waits for the broker: their events wait in the outboxes. Afterwards the note says how
     * long the outboxes took to drain, whether product-service's stock release handled every OrderCancelled exactly once,
     * whether any message was parked, and whether the reserved units equal the units in live orders.
     */
    private void pauseBroker() throws Exception {
        int pause = Integer.getInteger("pauseSeconds", 60);
        String skuId = newProduct("pause", 100_000).path("skus").get(0).path("skuId").asText();
        String storeId = demoStore();
        List<String> tokens = shoppers("pause", USERS);
        String order = "{\"items\":[{\"skuId\":\"" + skuId + "\",\"quantity\":1}],\"storeId\":\"" + storeId + "\"}";
        long broker = ProcessCpu.pidOf("DevStackMain");
        String since = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS")
                .format(LocalDateTime.now(java.time.ZoneOffset.UTC).minusSeconds(1));
        // timed events of the scenario, not waits for a condition
        Thread pauser = new Thread(() -> {
            try {
                Thread.sleep(5_000);
                signal(broker, "STOP");
                Thread.sleep(pause * 1000L);
                signal(broker, "CONT");
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "broker-pauser");
        pauser.start();
        Map<String, Double> before = cpu.snapshot();
        Load.Result result = Load.closed(USERS, pause + 15, (user, i) -> {
            Answer placed = call("POST", "/api/orders", tokens.get(user), order, UUID.randomUUID().toString());
            if (placed.status != 201) {
                return "submit " + placed.status + " " + placed.body.path("code").asText("");
            }
            Answer cancelled = call("POST", "/api/orders/" + placed.body.path("orderNo").asText() + "/cancel", tokens.get(user), null);
            return cancelled.status == 200 ? "placed and cancelled" : "cancel " + cancelled.status;
        });
        Map<String, Double> after = cpu.snapshot();
        pauser.join();
        row("submit + cancel, broker paused " + pause + " s", result, before, after);
        List<String> services = List.of("product", "order", "member", "promotion");
        Map<String, java.sql.Connection> db = new java.util.LinkedHashMap<>();
        try {
            for (String service : services) {
                db.put(service, database(service));
            }
            String unsent = "SELECT COUNT(*) FROM outbox_event WHERE status <> 'SENT'";
            long backlog = 0;
            for (java.sql.Connection c : db.values()) {
                backlog += single(c, unsent);
            }
            long resumed = System.nanoTime();
            waitUntil(Duration.ofMinutes(5), () -> {
                for (java.sql.Connection c : db.values()) {
                    if (single(c, unsent) > 0) {
                        return false;
                    }
                }
                return true;
            });
            double drained = (System.nanoTime() - resumed) / 1e9;
            String live = "SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN orders o ON o.order_no = l.order_no "
                    + "WHERE l.sku_id = " + skuId + " AND o.status = 'UNPAID'";
            String reservedSql = "SELECT reserved FROM sku_stock WHERE sku_id = " + skuId;
            waitUntil(Duration.ofMinutes(3), () -> single(db.get("product"), reservedSql) == single(db.get("order"), live));
            long cancelledEvents = single(db.get("order"), "SELECT COUNT(*) FROM outbox_event WHERE event_type = 'OrderCancelled' "
                    + "AND created_at >= '" + since + "'");
            long released = single(db.get("product"), "SELECT COUNT(*) FROM consumed_event WHERE consumer = 'product-stock-release' "
                    + "AND consumed_at >= '" + since + "'");
            long parked = 0;
            for (java.sql.Connection c : db.values()) {
                parked += single(c, "SELECT COUNT(*) FROM dead_letter WHERE created_at >= '" + since + "'");
            }
            long reserved = single(db.get("product"), reservedSql);
            long inLive = single(db.get("order"), live);
            notes.add(String.format("Broker paused %d s under %d shoppers submitting and cancelling: answers %s; %d events waited in "
                            + "the outboxes when it resumed, drained in %.1f s; OrderCancelled published %d, handled by the stock "
                            + "release %d — %s; parked as dead letters: %d; reserved %d vs %d units in live orders — %s",
                    pause, USERS, result.outcomes(), backlog, drained, cancelledEvents, released,
                    cancelledEvents == released ? "each exactly once" : "**not once each**", parked, reserved, inLive,
                    reserved == inLive ? "equal" : "**" + (reserved - inLive) + " units held by no order**"));
        } finally {
            for (java.sql.Connection c : db.values()) {
                c.close();
            }
        }
    }

    /**
     * Redis emptied (FLUSHALL) a third into a window of looping submits on a SKU of 100,000 units: stock, claim counters,
     * rate-limit counters and caches are gone at once. Afterwards: the answers (no 5xx expected), whether available +
     * reserved + sold still make 100,000 in MySQL and in what shoppers see, and reserved units against live orders.
     */
    private void flushRedis() throws Exception {
        int units = 100_000;
        JsonNode product = newProduct("flush", units);
        String spuId = product.path("spuId").asText();
        String skuId = product.path("skus").get(0).path("skuId").asText();
        String storeId = demoStore();
        List<String> tokens = shoppers("flush", USERS);
        String order = "{\"items\":[{\"skuId\":\"" + skuId + "\",\"quantity\":1}],\"storeId\":\"" + storeId + "\"}";
        Thread flusher = new Thread(() -> {
            try {
                Thread.sleep(SECONDS * 1000L / 3); // a timed event of the scenario, not a wait for a condition
                String host = System.getenv().getOrDefault("REDIS_HOST", "127.0.0.1");
                int port = Integer.parseInt(System.getenv().getOrDefault("REDIS_PORT", "6379"));
                try (java.net.Socket redis = new java.net.Socket(host, port)) {
                    redis.getOutputStream().write("*1\r\n$8\r\nFLUSHALL\r\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                    System.out.println("FLUSHALL: " + new java.io.BufferedReader(new java.io.InputStreamReader(redis.getInputStream())).readLine());
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, "redis-flusher");
        flusher.start();
        Map<String, Double> before = cpu.snapshot();
        Load.Result result = Load.closed(USERS, SECONDS, (user, i) -> {
            Answer answer = call("POST", "/api/orders", tokens.get(user), order, UUID.randomUUID().toString());
            return answer.status + (answer.status >= 400 ? " " + answer.body.path("code").asText("") : "");
        });
        Map<String, Double> after = cpu.snapshot();
        flusher.join();
        row("submits, Redis flushed a third in", result, before, after);
        try (java.sql.Connection productDb = database("product"); java.sql.Connection orders = database("order")) {
            String live = "SELECT COALESCE(SUM(l.quantity), 0) FROM order_line l JOIN orders o ON o.order_no = l.order_no "
                    + "WHERE l.sku_id = " + skuId + " AND o.status = 'UNPAID'";
            waitUntil(Duration.ofMinutes(2), () -> single(productDb, "SELECT reserved FROM sku_stock WHERE sku_id = " + skuId)
                    == single(orders, live));
            long total = single(productDb, "SELECT available + reserved + sold FROM sku_stock WHERE sku_id = " + skuId);
            long reserved = single(productDb, "SELECT reserved FROM sku_stock WHERE sku_id = " + skuId);
            long inLive = single(orders, live);
            JsonNode seen = call("GET", "/admin/products/" + spuId, merchant, null).body.path("skus").get(0);
            long seenTotal = seen.path("available").asLong() + seen.path("reserved").asLong() + seen.path("sold").asLong();
            notes.add(String.format("Redis flushed a third into %d s of %d looping submits: answers %s; MySQL available + reserved + "
                            + "sold = %d, through the admin API %d (of %d); reserved %d vs %d units in live orders — %s",
                    SECONDS, USERS, result.outcomes(), total, seenTotal, units, reserved, inLive,
                    reserved == inLive ? "equal" : "**" + (reserved - inLive) + " units held by no order**"));
        }
    }

    private static void signal(long pid, String signal) throws IOException, InterruptedException {
        System.out.println("kill -" + signal + " " + pid);
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid)).inheritIO().start().waitFor();
    }

    /** A service's database on the MySQL the mall runs on (MYSQL_HOST, MYSQL_PORT, MYSQL_USER, MYSQL_PASSWORD). */
    private static java.sql.Connection database(String service) throws java.sql.SQLException {
        String host = System.getenv().getOrDefault("MYSQL_HOST", "127.0.0.1");
        String port = System.getenv().getOrDefault("MYSQL_PORT", "3306");
        return java.sql.DriverManager.getConnection("jdbc:mysql://" + host + ":" + port + "/siyumall_" + service,
                System.getenv().getOrDefault("MYSQL_USER", "root"), System.getenv().getOrDefault("MYSQL_PASSWORD", ""));
    }

    private interface Condition {
        boolean holds() throws Exception;
    }

    /** Polls {@code condition} every second until it holds; gives up (and says so) after {@code atMost}. */
    private static void waitUntil(Duration atMost, Condition condition) throws Exception {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (!condition.holds()) {
            if (System.nanoTime() > deadline) {
                System.out.println("Gave up waiting after " + atMost + "; measuring as things are");
                return;
            }
            Thread.sleep(1000);
        }
    }

    private static boolean orderServiceHealthy() {
        try {
            return HTTP.send(HttpRequest.newBuilder(URI.create(System.getProperty("orderUrl", "http://127.0.0.1:8082") + "/actuator/health"))
                    .build(), HttpResponse.BodyHandlers.ofString()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private String demoStore() throws Exception {
        return call("GET", "/api/stores/nearby?lat=31.2304&lng=121.4737&radiusKm=20", null, null).body
                .path("items").get(0).path("storeId").asText();
    }

    private static long single(java.sql.Connection db, String sql) throws java.sql.SQLException {
        try (var rs = db.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** The whole stack doing nothing: cores busy per process over the window. */
    private void idle() throws Exception {
        Map<String, Double> before = cpu.snapshot();
        Thread.sleep(SECONDS * 1000L); // the measured idle window itself
        Map<String, Double> after = cpu.snapshot();
        StringBuilder line = new StringBuilder("Idle for " + SECONDS + " s, cores busy:");
        double total = 0;
        for (String process : ProcessCpu.MALL.keySet()) {
            double cores = (after.get(process) - before.get(process)) / (SECONDS * 1000.0);
            total += cores;
            line.append(String.format(" %s %.3f,", process, cores));
        }
        line.append(String.format(" **all %.3f**", total));
        notes.add(line.toString());
        System.out.println(line);
    }

    /** Resident memory of each process after the scenarios, and its peak since the process started. */
    private void residentMemory() {
        StringBuilder line = new StringBuilder("Resident memory after the run, MiB now (peak):");
        long now = 0;
        long peak = 0;
        for (Map.Entry<String, long[]> process : cpu.residentMebibytes().entrySet()) {
            now += process.getValue()[0];
            peak += process.getValue()[1];
            line.append(String.format(" %s %d (%d),", process.getKey(), process.getValue()[0], process.getValue()[1]));
        }
        line.append(String.format(" **all %d (%d)**", now, peak));
        notes.add(line.toString());
        System.out.println(line);
    }

    // --- measuring -----------------------------------------------------------------------------------------------

    private Load.Result measure(String name, int users, Load.Operation operation) throws Exception {
        if (WARMUP > 0) {
            Load.closed(users, WARMUP, operation);
        }
        Map<String, Double> before = cpu.snapshot();
        Load.Result result = Load.closed(users, SECONDS, operation);
        Map<String, Double> after = cpu.snapshot();
        row(name, result, before, after);
        return result;
    }

    private void row(String name, Load.Result result, Map<String, Double> before, Map<String, Double> after) {
        StringBuilder row = new StringBuilder();
        row.append(String.format("| %s | %d | %.1f | %.1f | %.1f | %s |", name, result.operations(), result.perSecond(),
                result.p50Micros() / 1000.0, result.p99Micros() / 1000.0, result.outcomes().toString().replace("|", "/")));
        double total = 0;
        for (String process : ProcessCpu.MALL.keySet()) {
            double perOp = (after.get(process) - before.get(process)) / Math.max(1, result.operations());
            total += perOp;
            row.append(String.format(" %.2f |", perOp));
        }
        row.append(String.format(" **%.2f** |", total));
        rows.add(row.toString());
        System.out.println(name + ": " + result);
        System.out.println(row);
    }

    private void write() throws IOException {
        StringBuilder table = new StringBuilder();
        table.append("Cost ledger ").append(LocalDateTime.now().format(DateTimeFormatter.ISO_LOCAL_DATE_TIME))
                .append(String.format(" — %d users, %d s measured after %d s warm-up, %s%n%n", USERS, SECONDS, WARMUP, GATEWAY));
        table.append("| scenario | ops | ops/s | p50 ms | p99 ms | answers |");
        ProcessCpu.MALL.keySet().forEach(p -> table.append(" ").append(p).append(" CPU ms/op |"));
        table.append(" all CPU ms/op |\n|");
        table.append("---|".repeat(6 + ProcessCpu.MALL.size() + 1)).append('\n');
        rows.forEach(r -> table.append(r).append('\n'));
        notes.forEach(n -> table.append('\n').append(n).append('\n'));
        Path out = Path.of("target", "cost-ledger-" + LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")) + ".md");
        Files.createDirectories(out.getParent());
        Files.writeString(out, table);
        System.out.println();
        System.out.println(table);
        System.out.println("Written to " + out.toAbsolutePath());
    }

    // --- set-up ----------------------------------------------------------------------------------------------------

    private List<String> productIds() throws Exception {
        List<String> ids = new ArrayList<>();
        call("GET", "/api/products?size=100", null, null).body.path("items").forEach(p -> ids.add(p.path("spuId").asText()));
        if (ids.isEmpty()) {
            throw new IllegalStateException("No products on the shelf: start the mall with ./deploy/run-local.sh (demo data)");
        }
        return ids;
    }

    private JsonNode newProduct(String kind, int stock) throws Exception {
        String categoryId = call("POST", "/admin/categories", merchant, "{\"name\":\"ledger-" + kind + "-" + RUN + "\"}").body.path("id").asText();
        return call("POST", "/admin/products", merchant, "{\"categoryId\":\"" + categoryId + "\",\"name\":\"Ledger " + kind + " " + RUN
                + "\",\"onShelf\":true,\"images\":[\"https://img.siyumall.dev/bench.jpg\"],"
                + "\"skus\":[{\"specs\":{\"规格\":\"标准\"},\"price\":9900,\"stock\":" + stock + "}]}").body;
    }

    /** Logs in {@code count} new shoppers (one WeChat user each) and returns their access tokens. */
    /** Fresh shoppers: a scenario run twice in one ledger logs in new ones (each WeChat code works once). */
    private List<String> shoppers(String kind, int count) throws Exception {
        List<String> tokens = new ArrayList<>();
        int batch = shopperBatches++;
        for (int i = 0; i < count; i++) {
            Answer login = call("POST", "/api/auth/wechat-login", null,
                    "{\"code\":\"demo-ledger" + kind + RUN + "b" + batch + "x" + i + "\"}");
            if (login.status != 200) {
                throw new IllegalStateException("Login answered " + login.status + ": " + login.body);
            }
            tokens.add(login.body.path("accessToken").asText());
        }
        return tokens;
    }

    // --- HTTP ------------------------------------------------------------------------------------------------------

    private record Answer(int status, JsonNode body) {}

    private static String status(Answer answer) {
        return Integer.toString(answer.status);
    }

    private static Answer call(String method, String path, String token, String body) throws IOException, InterruptedException {
        return call(method, path, token, body, null);
    }

    private static Answer call(String method, String path, String token, String body, String idempotencyKey)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(GATEWAY + path)).timeout(Duration.ofSeconds(60))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(body))
                .header("Accept-Language", "en");
        if (body != null) {
            request.header("Content-Type", "application/json");
        }
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (idempotencyKey != null) {
            request.header("Idempotency-Key", idempotencyKey);
        }
        HttpResponse<byte[]> response = HTTP.send(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        JsonNode json = response.body().length == 0 ? JSON.nullNode() : parse(response.body());
        return new Answer(response.statusCode(), json);
    }

    private static JsonNode parse(byte[] body) {
        try {
            return JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(new String(body));
        }
    }
}
