package com.siyumall.bench.ledger;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

/**
 * CPU time of each process of the mall, read from {@code /proc/<pid>/stat} (utime + stime, in clock ticks). A process is
 * recognised by a piece of its command line; the total of all processes matching a name is that name's time, so a
 * restarted service still counts.
 */
final class ProcessCpu {
    /** Display name → a piece of the command line that only that process has. */
    static final Map<String, String> MALL = mall();

    private static Map<String, String> mall() {
        Map<String, String> processes = new LinkedHashMap<>();
        processes.put("gateway", "mall-gateway-");
        processes.put("product", "product-service-");
        processes.put("order", "order-service-");
        processes.put("member", "member-service-");
        processes.put("promotion", "promotion-service-");
        processes.put("insight", "insight-service-");
        processes.put("devstack (broker, sandbox)", "DevStackMain");
        processes.put("mariadb", "mariadbd");
        processes.put("redis", "redis-server");
        return processes;
    }

    private final long ticksPerSecond;

    ProcessCpu() {
        this.ticksPerSecond = ticksPerSecond();
    }

    /** CPU milliseconds used so far by each named process (0 for one not running). */
    Map<String, Double> snapshot() {
        Map<String, Double> millis = new LinkedHashMap<>();
        MALL.keySet().forEach(name -> millis.put(name, 0.0));
        eachMallProcess((name, dir) -> millis.merge(name, cpuMillis(dir), Double::sum));
        return millis;
    }

    /**
     * Resident memory of each named process in MiB, now and at its peak ({@code VmRSS}, {@code VmHWM} of
     * /proc/&lt;pid&gt;/status): {@code [now, peak]}, {@code [0, 0]} for one not running.
     */
    Map<String, long[]> residentMebibytes() {
        Map<String, long[]> resident = new LinkedHashMap<>();
        MALL.keySet().forEach(name -> resident.put(name, new long[2]));
        eachMallProcess((name, dir) -> {
            resident.get(name)[0] += statusKibibytes(dir, "VmRSS:") / 1024;
            resident.get(name)[1] += statusKibibytes(dir, "VmHWM:") / 1024;
        });
        return resident;
    }

    /** Calls {@code action} with the display name and /proc folder of every running process of the mall. */
    private static void eachMallProcess(BiConsumer<String, Path> action) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            for (Path dir : entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit)).toList()) {
                String commandLine = commandLine(dir);
                if (commandLine == null) {
                    continue;
                }
                for (Map.Entry<String, String> process : MALL.entrySet()) {
                    if (commandLine.contains(process.getValue()) && !commandLine.contains("CostLedger")) {
                        action.accept(process.getKey(), dir);
                        break;
                    }
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc (the cost ledger needs Linux)", e);
        }
    }

    private static long statusKibibytes(Path dir, String field) {
        try {
            for (String line : Files.readAllLines(dir.resolve("status"))) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended meanwhile
        }
        return 0;
    }

    /**
     * The process whose command line (read from /proc: ProcessHandle cuts long ones, like the dev stack's class path)
     * contains {@code needle}.
     */
    static long pidOf(String needle) {
        try (Stream<Path> entries = Files.list(Path.of("/proc"))) {
            return entries.filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
                    .filter(dir -> {
                        String commandLine = commandLine(dir);
                        return commandLine != null && commandLine.contains(needle) && !commandLine.contains("CostLedger");
                    })
                    .mapToLong(dir -> Long.parseLong(dir.getFileName().toString())).findFirst()
                    .orElseThrow(() -> new IllegalStateException("No running process has " + needle + " in its command line"));
        } catch (IOException e) {
            throw new IllegalStateException("Cannot list /proc (the cost ledger needs Linux)", e);
        }
    }

    private static String commandLine(Path dir) {
        try {
            return new String(Files.readAllBytes(dir.resolve("cmdline"))).replace('\0', ' ');
        } catch (IOException e) {
            return null; // the process ended meanwhile
        }
    }

    private double cpuMillis(Path dir) {
        try {
            String stat = Files.readString(dir.resolve("stat"));
            // fields after the command name in parentheses: state is field 3, utime 14, stime 15
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
            return ticks * 1000.0 / ticksPerSecond;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }

    private static long ticksPerSecond() {
        try {
            Process getconf = new ProcessBuilder(List.of("getconf", "CLK_TCK")).redirectErrorStream(true).start();
            String out = new String(getconf.getInputStream().readAllBytes()).trim();
            getconf.waitFor();
            return Long.parseLong(out);
        } catch (IOException | RuntimeException e) {
            return 100;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return 100;
        }
    }
}
