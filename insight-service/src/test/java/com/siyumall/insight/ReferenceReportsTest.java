package com.siyumall.insight;

import com.siyumall.common.testsupport.TestTokens;
import com.siyumall.insight.demo.SyntheticMall;
import com.siyumall.insight.demo.SyntheticMallLoader;
import com.siyumall.insight.store.AnalyticsStore;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every report on a 60-day synthetic history (400 members, their visits, logins, check-ins and orders) says exactly what plain Java
 * computes from the history's own lists: the expected values never go through the store's SQL.
 */
@InsightIntegrationTest
class ReferenceReportsTest {
    private static final LocalDate FIRST = LocalDate.of(2019, 3, 1);
    private static final int DAYS = 60;
    private static final long FIRST_ID = 9_100_000_000L;
    private static final SyntheticMall.History HISTORY = SyntheticMall.generate(42, FIRST_ID, 400, FIRST, DAYS);

    @Autowired
    SyntheticMallLoader loader;
    @Autowired
    AnalyticsStore store;
    @Autowired
    InsightFixtures facts;

    @BeforeEach
    void loadOnce() {
        boolean loaded = store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM member_fact WHERE member_id = " + FIRST_ID)) {
                rows.next();
                return rows.getLong(1) > 0;
            }
        });
        if (!loaded) {
            loader.load(HISTORY, Instant.now());
        }
    }

    @Test
    void theHistoryIsBigEnoughToMeanSomething() {
        assertThat(HISTORY.events()).hasSizeGreaterThan(4_000);
        assertThat(HISTORY.orders()).hasSizeGreaterThan(100);
        assertThat(HISTORY.bindings()).hasSizeGreaterThan(50);
        assertThat(HISTORY.coupons()).hasSizeGreaterThan(200);
        assertThat(HISTORY.orders().stream().filter(o -> o.couponId() != null && o.guideId() != null)).as("orders with a coupon and a guide").isNotEmpty();
        assertThat(HISTORY.checkIns()).hasSizeGreaterThan(300);
        Set<String> eventDays = HISTORY.events().stream().map(e -> e.memberId() + "@" + e.day()).collect(Collectors.toSet());
        assertThat(HISTORY.logins().stream().filter(l -> !eventDays.contains(l.memberId() + "@" + l.day())).count())
                .as("days seen only by a login, which the reports must count").isGreaterThan(50);
        assertThat(SyntheticMall.generate(42, FIRST_ID, 400, FIRST, DAYS)).as("deterministic").isEqualTo(HISTORY);
    }

    @Test
    void theDashboardOfEveryDaySaysWhatTheHistorySays() {
        for (LocalDate day = FIRST; day.isBefore(FIRST.plusDays(DAYS)); day = day.plusDays(1)) {
            Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/dashboard?day=" + day).getBody();
            assertThat((Map<String, Object>) view.get("today")).as("today " + day).containsAllEntriesOf(expectedDay(day));
            assertThat((Map<String, Object>) view.get("yesterday")).as("yesterday of " + day).containsAllEntriesOf(expectedDay(day.minusDays(1)));
            assertThat((Map<String, Object>) view.get("sevenDayAverage")).as("week before " + day).containsAllEntriesOf(expectedWeek(day));
        }
    }

    @Test
    void retentionOfEveryCohortSaysWhatTheHistorySays() {
        List<Map<String, Object>> cohorts = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1),
                "/admin/insights/retention?from=" + FIRST + "&to=" + FIRST.plusDays(DAYS - 1)).getBody().get("cohorts");
        Map<LocalDate, List<SyntheticMall.Member>> byDay = HISTORY.members().stream().collect(Collectors.groupingBy(SyntheticMall.Member::day));
        assertThat(cohorts).hasSize(byDay.size());
        for (Map<String, Object> cohort : cohorts) {
            LocalDate day = LocalDate.parse((String) cohort.get("day"));
            List<SyntheticMall.Member> members = byDay.get(day);
            assertThat(cohort.get("members")).as("cohort " + day).isEqualTo(members.size());
            for (int n : new int[] {1, 3, 7, 14, 30}) {
                LocalDate then = day.plusDays(n);
                Set<Long> seen = seenOn(then);
                long back = members.stream().filter(m -> seen.contains(m.id())).count();
                Map<String, Object> returned = (Map<String, Object>) ((Map<String, Object>) cohort.get("returned")).get("d" + n);
                assertThat(((Number) returned.get("members")).longValue()).as("cohort " + day + " d" + n).isEqualTo(back);
                assertThat(((Number) returned.get("rate")).doubleValue()).as("cohort " + day + " d" + n + " rate")
                        .isEqualTo(fourDecimals(back, members.size()));
            }
        }
    }

    @Test
    void acquisitionBySceneChannelAndInviterSaysWhatTheHistorySays() {
        assertAcquisition("", member -> true);
    }

    @Test
    void acquisitionKeepsToTheMembersOfAFirstTouchOrALevel() {
        Set<Long> reachedV1 = HISTORY.levels().stream().map(SyntheticMall.LevelChange::memberId).collect(Collectors.toSet());
        assertAcquisition("&channel=poster", member -> member.channel().equals("poster"));
        assertAcquisition("&level=V0", member -> !reachedV1.contains(member.id()));
        assertAcquisition("&storeId=" + SyntheticMall.storeOf(SyntheticMall.FIRST_GUIDE_ID),
                member -> Long.valueOf(SyntheticMall.storeOf(SyntheticMall.FIRST_GUIDE_ID)).equals(member.storeId()));
    }

    private void assertAcquisition(String filter, java.util.function.Predicate<SyntheticMall.Member> kept) {
        Map<Long, Instant> firstPaid = HISTORY.orders().stream().collect(Collectors.toMap(SyntheticMall.Order::memberId,
                SyntheticMall.Order::paidAt, (a, b) -> a.isBefore(b) ? a : b));
        Map<String, java.util.function.Function<SyntheticMall.Member, Object>> sources = Map.of(
                "SCENE", SyntheticMall.Member::scene, "CHANNEL", SyntheticMall.Member::channel, "INVITER", SyntheticMall.Member::inviterId);
        for (Map.Entry<String, java.util.function.Function<SyntheticMall.Member, Object>> by : sources.entrySet()) {
            Map<String, long[]> expected = new java.util.HashMap<>();
            for (SyntheticMall.Member member : HISTORY.members().stream().filter(kept).toList()) {
                Object source = by.getValue().apply(member);
                long[] counts = expected.computeIfAbsent(source == null ? null : source.toString(), s -> new long[3]);
                counts[0]++;
                Instant paid = firstPaid.get(member.id());
                if (paid != null && !paid.isAfter(member.registeredAt().plus(java.time.Duration.ofDays(7)))) {
                    counts[1]++;
                }
                if (paid != null && !paid.isAfter(member.registeredAt().plus(java.time.Duration.ofDays(30)))) {
                    counts[2]++;
                }
            }
            List<Map<String, Object>> rows = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/acquisition?from="
                    + FIRST + "&to=" + FIRST.plusDays(DAYS - 1) + "&by=" + by.getKey() + filter).getBody().get("sources");
            assertThat(rows).as(by.getKey() + filter).hasSize(expected.size()).isNotEmpty();
            long previous = Long.MAX_VALUE;
            for (Map<String, Object> row : rows) {
                long[] counts = expected.get((String) row.get("source"));
                assertThat(counts).as(by.getKey() + filter + " " + row.get("source")).isNotNull();
                assertThat(((Number) row.get("newMembers")).longValue()).isEqualTo(counts[0]).isLessThanOrEqualTo(previous);
                previous = counts[0];
                assertThat(((Number) row.get("firstPurchaseIn7Days")).longValue()).as(by.getKey() + " " + row.get("source") + " 7d").isEqualTo(counts[1]);
                assertThat(((Number) row.get("firstPurchaseIn30Days")).longValue()).as(by.getKey() + " " + row.get("source") + " 30d").isEqualTo(counts[2]);
                assertThat(((Number) row.get("rateIn7Days")).doubleValue()).isEqualTo(fourDecimals(counts[1], counts[0]));
                assertThat(((Number) row.get("rateIn30Days")).doubleValue()).isEqualTo(fourDecimals(counts[2], counts[0]));
            }
        }
    }

    @Test
    void funnelsSayWhatTheHistorySays() {
        Map<Long, List<SyntheticMall.Event>> byMember = HISTORY.events().stream().sorted(java.util.Comparator.comparing(SyntheticMall.Event::at))
                .collect(Collectors.groupingBy(SyntheticMall.Event::memberId));
        LocalDate from = FIRST.plusDays(10);
        LocalDate to = FIRST.plusDays(40);
        for (List<String> steps : List.of(List.of("page_view", "product_view", "add_cart"), List.of("product_view", "share", "search", "coupon_view"))) {
            for (int windowHours : new int[] {1, 24, 24 * 7}) {
                long[] expected = new long[steps.size()];
                for (List<SyntheticMall.Event> events : byMember.values()) {
                    SyntheticMall.Event first = events.stream().filter(e -> e.type().equals(steps.get(0))
                            && !e.day().isBefore(from) && !e.day().isAfter(to)).findFirst().orElse(null);
                    if (first == null) {
                        continue;
                    }
                    Instant end = first.at().plus(java.time.Duration.ofHours(windowHours));
                    Instant previous = first.at();
                    expected[0]++;
                    for (int k = 1; k < steps.size(); k++) {
                        String type = steps.get(k);
                        Instant after = previous;
                        SyntheticMall.Event next = events.stream().filter(e -> e.type().equals(type) && e.at().isAfter(after)
                                && !e.at().isAfter(end)).findFirst().orElse(null);
                        if (next == null) {
                            break;
                        }
                        expected[k]++;
                        previous = next.at();
                    }
                }
                List<Map<String, Object>> found = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/funnel?steps="
                        + String.join(",", steps) + "&from=" + from + "&to=" + to + "&windowHours=" + windowHours).getBody().get("steps");
                for (int k = 0; k < steps.size(); k++) {
                    assertThat(((Number) found.get(k).get("visitors")).longValue()).as(steps + " in " + windowHours + " h, step " + k).isEqualTo(expected[k]);
                    assertThat(((Number) found.get(k).get("fromFirst")).doubleValue()).isEqualTo(fourDecimals(expected[k], expected[0]));
                }
                assertThat(expected[1]).as("the history reaches the second step of " + steps + " in " + windowHours + " h").isPositive();
                if (windowHours == 24 * 7) {
                    assertThat(expected[steps.size() - 1]).as("the history reaches the last step of " + steps + " in a week").isPositive();
                }
            }
        }
    }

    @Test
    void firstPurchaseSaysWhatTheHistorySays() {
        Map<Long, SyntheticMall.Order> firstOrder = HISTORY.orders().stream().collect(Collectors.toMap(SyntheticMall.Order::memberId,
                o -> o, (a, b) -> a.paidAt().isBefore(b.paidAt()) ? a : b));
        LocalDate from = FIRST.plusDays(5);
        LocalDate to = FIRST.plusDays(34);
        for (int withinDays : new int[] {3, 7, 30}) {
            Map<String, Long> buckets = new java.util.LinkedHashMap<>();
            List.of("0", "1", "2", "3-7", "8-14", "15-30", ">30").forEach(label -> buckets.put(label, 0L));
            long members = 0;
            long never = 0;
            long within = 0;
            for (SyntheticMall.Member member : HISTORY.members()) {
                if (member.day().isBefore(from) || member.day().isAfter(to)) {
                    continue;
                }
                members++;
                SyntheticMall.Order first = firstOrder.get(member.id());
                if (first == null) {
                    never++;
                    continue;
                }
                long days = first.day().toEpochDay() - member.day().toEpochDay();
                String label = days <= 2 ? Long.toString(days) : days <= 7 ? "3-7" : days <= 14 ? "8-14" : days <= 30 ? "15-30" : ">30";
                buckets.merge(label, 1L, Long::sum);
                if (!first.paidAt().isAfter(member.registeredAt().plus(java.time.Duration.ofDays(withinDays)))) {
                    within++;
                }
            }
            Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase?from=" + from + "&to=" + to
                    + "&withinDays=" + withinDays).getBody();
            assertThat(view).containsEntry("members", (int) members).containsEntry("neverBought", (int) never)
                    .containsEntry("boughtWithin", (int) within).containsEntry("shareWithin", fourDecimals(within, members));
            List<Map<String, Object>> found = (List<Map<String, Object>>) view.get("firstOrderAfterDays");
            assertThat(found).extracting(b -> b.get("days")).containsExactlyElementsOf(buckets.keySet());
            for (Map<String, Object> bucket : found) {
                long expected = buckets.get((String) bucket.get("days"));
                assertThat(((Number) bucket.get("members")).longValue()).as("days " + bucket.get("days")).isEqualTo(expected);
                assertThat(((Number) bucket.get("share")).doubleValue()).isEqualTo(fourDecimals(expected, members));
            }
            assertThat(within).as("the history has first purchases inside a " + withinDays + "-day window").isPositive();
        }
    }

    @Test
    void repurchaseSaysWhatTheHistorySays() {
        Set<Long> posterMembers = HISTORY.members().stream().filter(m -> m.channel().equals("poster")).map(SyntheticMall.Member::id)
                .collect(Collectors.toSet());
        Set<Long> reachedV2 = HISTORY.levels().stream().filter(l -> l.levelCode().equals("V2")).map(SyntheticMall.LevelChange::memberId)
                .collect(Collectors.toSet());
        assertRepurchase("", member -> true);
        assertRepurchase("&channel=poster", posterMembers::contains);
        assertRepurchase("&level=V2", reachedV2::contains);
    }

    private void assertRepurchase(String filter, java.util.function.Predicate<Long> memberIn) {
        LocalDate from = FIRST.plusDays(10);
        LocalDate to = FIRST.plusDays(DAYS - 1);
        Map<Long, List<SyntheticMall.Order>> byMember = HISTORY.orders().stream().filter(o -> memberIn.test(o.memberId()))
                .sorted(java.util.Comparator.comparing(SyntheticMall.Order::paidAt).thenComparing(SyntheticMall.Order::orderNo))
                .collect(Collectors.groupingBy(SyntheticMall.Order::memberId, java.util.LinkedHashMap::new, Collectors.toList()));
        Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/repurchase?from=" + from + "&to=" + to + filter)
                .getBody();
        for (int n = 1; n <= 2; n++) {
            List<Long> gaps = new java.util.ArrayList<>();
            for (List<SyntheticMall.Order> orders : byMember.values()) {
                if (orders.size() > n && !orders.get(n).day().isBefore(from) && !orders.get(n).day().isAfter(to)) {
                    gaps.add(orders.get(n).day().toEpochDay() - orders.get(n - 1).day().toEpochDay());
                }
            }
            java.util.Collections.sort(gaps);
            Map<String, Object> step = (Map<String, Object>) view.get(n == 1 ? "firstToSecond" : "secondToThird");
            assertThat(gaps).as(filter + " the history has step " + n).isNotEmpty();
            assertThat(step).as(filter + " step " + n).containsEntry("members", gaps.size())
                    .containsEntry("medianDays", gaps.get((gaps.size() - 1) / 2).intValue());
            long[] upTo = {7, 14, 30, 60, 90, Long.MAX_VALUE};
            List<Map<String, Object>> buckets = (List<Map<String, Object>>) step.get("afterDays");
            for (int b = 0; b < upTo.length; b++) {
                long low = b == 0 ? 0 : upTo[b - 1] + 1;
                long high = upTo[b];
                long expected = gaps.stream().filter(g -> g >= low && g <= high).count();
                assertThat(((Number) buckets.get(b).get("members")).longValue()).as(filter + " step " + n + " " + buckets.get(b).get("days"))
                        .isEqualTo(expected);
            }
        }
        Map<LocalDate, long[]> cohorts = new java.util.TreeMap<>();
        for (List<SyntheticMall.Order> orders : byMember.values()) {
            SyntheticMall.Order first = orders.get(0);
            if (first.day().isBefore(from) || first.day().isAfter(to)) {
                continue;
            }
            long[] counts = cohorts.computeIfAbsent(first.day().with(java.time.DayOfWeek.MONDAY), week -> new long[3]);
            counts[0]++;
            if (orders.size() > 1) {
                counts[1]++;
                if (!orders.get(1).paidAt().isAfter(first.paidAt().plus(java.time.Duration.ofDays(30)))) {
                    counts[2]++;
                }
            }
        }
        List<Map<String, Object>> found = (List<Map<String, Object>>) view.get("cohorts");
        assertThat(found).extracting(c -> c.get("week")).containsExactlyElementsOf(cohorts.keySet().stream().map(LocalDate::toString).toList());
        for (Map<String, Object> cohort : found) {
            long[] counts = cohorts.get(LocalDate.parse((String) cohort.get("week")));
            assertThat(cohort).as(filter + " week " + cohort.get("week")).containsEntry("firstBuyers", (int) counts[0])
                    .containsEntry("boughtAgain", (int) counts[1]).containsEntry("rate", fourDecimals(counts[1], counts[0]))
                    .containsEntry("againWithin30Days", (int) counts[2]).containsEntry("rateWithin30Days", fourDecimals(counts[2], counts[0]));
        }
    }

    @Test
    void rfmSegmentsAndThePyramidSayWhatTheHistorySays() {
        LocalDate asOf = FIRST.plusDays(DAYS - 1);
        int lookback = 45;
        LocalDate since = asOf.minusDays(lookback - 1);
        record Buyer(long id, long recency, long frequency, long monetary) {}
        List<Buyer> buyers = HISTORY.orders().stream().filter(o -> !o.day().isBefore(since) && !o.day().isAfter(asOf))
                .collect(Collectors.groupingBy(SyntheticMall.Order::memberId)).entrySet().stream()
                .map(e -> new Buyer(e.getKey(), asOf.toEpochDay() - e.getValue().stream().mapToLong(o -> o.day().toEpochDay()).max().orElseThrow(),
                        e.getValue().size(), e.getValue().stream().mapToLong(SyntheticMall.Order::amount).sum()))
                .toList();
        long money = buyers.stream().mapToLong(Buyer::monetary).sum();
        for (Long monetaryLine : java.util.Arrays.asList(null, 3_000L)) {
            long line = monetaryLine != null ? monetaryLine : money / buyers.size();
            Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/rfm?asOf=" + asOf + "&lookbackDays=" + lookback
                    + "&recencyDays=14" + (monetaryLine == null ? "" : "&monetary=" + monetaryLine)).getBody();
            assertThat(view).containsEntry("buyers", buyers.size()).containsEntry("monetary", (int) money);
            assertThat((Map<String, Object>) view.get("thresholds")).containsEntry("recencyDays", 14).containsEntry("frequency", 2)
                    .containsEntry("monetary", (int) line).containsEntry("monetaryIsTheMean", monetaryLine == null);
            List<Map<String, Object>> segments = (List<Map<String, Object>>) view.get("segments");
            assertThat(segments).hasSize(8);
            for (Map<String, Object> segment : segments) {
                List<Buyer> in = buyers.stream().filter(b -> (b.recency() <= 14) == (Boolean) segment.get("recent")
                        && (b.frequency() >= 2) == (Boolean) segment.get("frequent") && (b.monetary() >= line) == (Boolean) segment.get("highValue")).toList();
                long paid = in.stream().mapToLong(Buyer::monetary).sum();
                assertThat(segment).as(segment.get("segment") + " at " + line).containsEntry("members", in.size())
                        .containsEntry("share", fourDecimals(in.size(), buyers.size())).containsEntry("monetary", (int) paid)
                        .containsEntry("shareOfMonetary", fourDecimals(paid, money));
            }
            assertThat(segments.stream().filter(s -> ((Number) s.get("members")).intValue() > 0).count())
                    .as("the history fills several segments").isGreaterThanOrEqualTo(4);
        }
        List<Buyer> ranked = buyers.stream().sorted(java.util.Comparator.comparingLong(Buyer::monetary).reversed()
                .thenComparing(java.util.Comparator.comparingLong(Buyer::frequency).reversed())
                .thenComparingLong(Buyer::recency).thenComparingLong(Buyer::id)).toList();
        int core = (int) Math.ceil(ranked.size() * 0.10);
        int coreAndActive = (int) Math.ceil(ranked.size() * 0.30);
        List<List<Buyer>> tiers = List.of(ranked.subList(0, core), ranked.subList(core, coreAndActive), ranked.subList(coreAndActive, ranked.size()));
        List<Map<String, Object>> pyramid = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/rfm?asOf=" + asOf
                + "&lookbackDays=" + lookback).getBody().get("pyramid");
        assertThat(pyramid).extracting(t -> t.get("tier")).containsExactly("CORE", "ACTIVE", "ORDINARY");
        for (int t = 0; t < 3; t++) {
            List<Buyer> tier = tiers.get(t);
            long paid = tier.stream().mapToLong(Buyer::monetary).sum();
            assertThat(pyramid.get(t)).as(pyramid.get(t).get("tier").toString()).containsEntry("members", tier.size())
                    .containsEntry("monetary", (int) paid).containsEntry("shareOfMonetary", fourDecimals(paid, money))
                    .containsEntry("minMonetary", (int) tier.get(tier.size() - 1).monetary());
        }
    }

    @Test
    void rfmKeepsToTheBuyersOfAFirstTouchOrALevel() {
        LocalDate asOf = FIRST.plusDays(DAYS - 1);
        LocalDate since = asOf.minusDays(44);
        Map<Long, String> channelOf = HISTORY.members().stream().collect(Collectors.toMap(SyntheticMall.Member::id, SyntheticMall.Member::channel));
        Set<Long> reachedV1 = HISTORY.levels().stream().map(SyntheticMall.LevelChange::memberId).collect(Collectors.toSet());
        Set<Long> reachedV2 = HISTORY.levels().stream().filter(l -> l.levelCode().equals("V2")).map(SyntheticMall.LevelChange::memberId)
                .collect(Collectors.toSet());
        Map<String, java.util.function.Predicate<Long>> filters = Map.of(
                "channel=poster", id -> "poster".equals(channelOf.get(id)),
                "level=V1", id -> reachedV1.contains(id) && !reachedV2.contains(id));
        for (Map.Entry<String, java.util.function.Predicate<Long>> filter : filters.entrySet()) {
            Map<Long, List<SyntheticMall.Order>> byBuyer = HISTORY.orders().stream()
                    .filter(o -> !o.day().isBefore(since) && !o.day().isAfter(asOf) && filter.getValue().test(o.memberId()))
                    .collect(Collectors.groupingBy(SyntheticMall.Order::memberId));
            long money = byBuyer.values().stream().flatMap(List::stream).mapToLong(SyntheticMall.Order::amount).sum();
            long line = money / byBuyer.size();
            long recentFrequentHigh = byBuyer.values().stream().filter(orders -> orders.size() >= 2
                    && orders.stream().mapToLong(o -> asOf.toEpochDay() - o.day().toEpochDay()).min().orElseThrow() <= 14
                    && orders.stream().mapToLong(SyntheticMall.Order::amount).sum() >= line).count();
            Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/rfm?asOf=" + asOf + "&lookbackDays=45&recencyDays=14&"
                    + filter.getKey()).getBody();
            assertThat(view).as(filter.getKey()).containsEntry("buyers", byBuyer.size()).containsEntry("monetary", (int) money);
            assertThat((Map<String, Object>) view.get("thresholds")).as(filter.getKey()).containsEntry("monetary", (int) line);
            Map<String, Object> importantValue = ((List<Map<String, Object>>) view.get("segments")).stream()
                    .filter(seg -> seg.get("segment").equals("IMPORTANT_VALUE")).findFirst().orElseThrow();
            assertThat(importantValue).as(filter.getKey()).containsEntry("members", (int) recentFrequentHigh);
            List<Map<String, Object>> pyramid = (List<Map<String, Object>>) view.get("pyramid");
            assertThat(pyramid.stream().mapToInt(t -> ((Number) t.get("members")).intValue()).sum()).as(filter.getKey()).isEqualTo(byBuyer.size());
            assertThat(((Number) pyramid.get(0).get("members")).intValue()).as(filter.getKey()).isEqualTo((int) Math.ceil(byBuyer.size() * 0.10));
            assertThat(byBuyer).as(filter.getKey() + " keeps some buyers").isNotEmpty();
        }
    }

    @Test
    void lifecycleStagesAndTheirFlowsSayWhatTheHistorySays() {
        assertLifecycle("", member -> true);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/lifecycle?level=V1%27--").getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void lifecycleKeepsToTheMembersOfAFirstTouchOrALevel() {
        Set<Long> reachedV1 = HISTORY.levels().stream().map(SyntheticMall.LevelChange::memberId).collect(Collectors.toSet());
        Set<Long> reachedV2 = HISTORY.levels().stream().filter(l -> l.levelCode().equals("V2")).map(SyntheticMall.LevelChange::memberId)
                .collect(Collectors.toSet());
        assertLifecycle("&channel=poster", member -> member.channel().equals("poster"));
        assertLifecycle("&level=V1", member -> reachedV1.contains(member.id()) && !reachedV2.contains(member.id()));
        assertLifecycle("&guideId=" + SyntheticMall.FIRST_GUIDE_ID, member -> Long.valueOf(SyntheticMall.FIRST_GUIDE_ID).equals(member.guideId()));
    }

    private void assertLifecycle(String filter, java.util.function.Predicate<SyntheticMall.Member> kept) {
        LocalDate asOf = FIRST.plusDays(DAYS - 1);
        int weeks = 8;
        List<Map<String, Object>> found = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1),
                "/admin/insights/lifecycle?asOf=" + asOf + "&weeks=" + weeks + "&registeredFrom=" + FIRST + "&registeredTo=" + asOf + filter)
                .getBody().get("weeks");
        assertThat(found).as(filter).hasSize(weeks);
        Map<Long, java.util.TreeSet<LocalDate>> active = new java.util.HashMap<>();
        Map<Long, List<LocalDate>> orderDays = new java.util.HashMap<>();
        HISTORY.members().forEach(m -> active.computeIfAbsent(m.id(), id -> new java.util.TreeSet<>()).add(m.day()));
        HISTORY.events().forEach(e -> active.get(e.memberId()).add(e.day()));
        HISTORY.logins().forEach(l -> active.get(l.memberId()).add(l.day()));
        HISTORY.checkIns().forEach(c -> active.get(c.memberId()).add(c.day()));
        HISTORY.orders().forEach(o -> {
            active.get(o.memberId()).add(o.day());
            orderDays.computeIfAbsent(o.memberId(), id -> new java.util.ArrayList<>()).add(o.day());
        });
        java.util.function.BiFunction<SyntheticMall.Member, LocalDate, String> stageOn = (member, day) -> {
            if (member.day().isAfter(day)) {
                return "NOT_REGISTERED";
            }
            long idle = day.toEpochDay() - active.get(member.id()).floor(day).toEpochDay();
            long orders = orderDays.getOrDefault(member.id(), List.of()).stream().filter(d -> !d.isAfter(day)).count();
            long age = day.toEpochDay() - member.day().toEpochDay();
            return idle > 90 ? "CHURNED" : idle > 30 ? "DORMANT" : orders == 0 ? (age < 7 ? "NEW" : "ACTIVE")
                    : orders == 1 ? "FIRST_BUYER" : orders < 4 ? "REPEAT" : "LOYAL";
        };
        for (int w = 0; w < weeks; w++) {
            LocalDate end = asOf.minusWeeks(weeks - 1 - w);
            Map<String, Object> week = found.get(w);
            assertThat(week).containsEntry("end", end.toString());
            Map<String, Long> stages = new java.util.TreeMap<>();
            Map<String, Long> flows = new java.util.TreeMap<>();
            for (SyntheticMall.Member member : HISTORY.members().stream().filter(kept).toList()) {
                String now = stageOn.apply(member, end);
                if (!now.equals("NOT_REGISTERED")) {
                    stages.merge(now, 1L, Long::sum);
                    flows.merge(stageOn.apply(member, end.minusDays(7)) + "→" + now, 1L, Long::sum);
                }
            }
            Map<String, Long> foundStages = new java.util.TreeMap<>();
            ((Map<String, Object>) week.get("stages")).forEach((stage, count) -> {
                if (((Number) count).longValue() > 0) {
                    foundStages.put(stage, ((Number) count).longValue());
                }
            });
            assertThat(foundStages).as(filter + " stages at " + end).isEqualTo(stages);
            Map<String, Long> foundFlows = new java.util.TreeMap<>();
            for (Map<String, Object> flow : (List<Map<String, Object>>) week.get("flows")) {
                foundFlows.put(flow.get("from") + "→" + flow.get("to"), ((Number) flow.get("members")).longValue());
            }
            assertThat(foundFlows).as(filter + " flows into " + end).isEqualTo(flows);
        }
        assertThat(((Map<String, Object>) found.get(weeks - 1).get("stages")).values().stream().filter(c -> ((Number) c).longValue() > 0).count())
                .as(filter + ": the history reaches several stages").isGreaterThanOrEqualTo(filter.isEmpty() ? 5 : 3);
    }

    @Test
    void usagePathsSayWhatTheHistorySays() {
        LocalDate from = FIRST.plusDays(20);
        LocalDate to = FIRST.plusDays(26);
        Map<String, Long> entries = new java.util.HashMap<>();
        Map<String, Long> steps = new java.util.HashMap<>();
        Map<String, Long> exits = new java.util.HashMap<>();
        Map<Long, List<SyntheticMall.Event>> byMember = HISTORY.events().stream().sorted(java.util.Comparator.comparing(SyntheticMall.Event::at)
                .thenComparing(SyntheticMall.Event::eventId)).collect(Collectors.groupingBy(SyntheticMall.Event::memberId));
        java.util.function.Predicate<LocalDate> inPeriod = day -> !day.isBefore(from) && !day.isAfter(to);
        for (List<SyntheticMall.Event> events : byMember.values()) {
            for (int i = 0; i < events.size(); i++) {
                SyntheticMall.Event event = events.get(i);
                if (!inPeriod.test(event.day())) {
                    continue;
                }
                SyntheticMall.Event previous = i == 0 ? null : events.get(i - 1);
                SyntheticMall.Event next = i == events.size() - 1 ? null : events.get(i + 1);
                boolean starts = previous == null || java.time.Duration.between(previous.at(), event.at()).compareTo(java.time.Duration.ofMinutes(30)) > 0;
                if (starts) {
                    entries.merge(event.page(), 1L, Long::sum);
                } else if (!previous.page().equals(event.page())) {
                    steps.merge(previous.page() + "→" + event.page(), 1L, Long::sum);
                }
                if (next == null || java.time.Duration.between(event.at(), next.at()).compareTo(java.time.Duration.ofMinutes(30)) > 0) {
                    exits.merge(event.page(), 1L, Long::sum);
                }
            }
        }
        long sessions = entries.values().stream().mapToLong(Long::longValue).sum();
        long allSteps = steps.values().stream().mapToLong(Long::longValue).sum();
        Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/paths?from=" + from + "&to=" + to + "&limit=100").getBody();
        assertThat(view).containsEntry("sessions", (int) sessions).containsEntry("steps", (int) allSteps);
        assertThat(sessions).as("a week of the history has sessions").isGreaterThan(50);
        assertThat(counts((List<Map<String, Object>>) view.get("entries"), "page", "sessions")).isEqualTo(entries);
        assertThat(counts((List<Map<String, Object>>) view.get("exits"), "page", "sessions")).isEqualTo(exits);
        Map<String, Long> foundSteps = new java.util.HashMap<>();
        for (Map<String, Object> step : (List<Map<String, Object>>) view.get("topSteps")) {
            foundSteps.put(step.get("from") + "→" + step.get("to"), ((Number) step.get("steps")).longValue());
            assertThat(step.get("share")).isEqualTo(fourDecimals(((Number) step.get("steps")).longValue(), allSteps));
        }
        assertThat(foundSteps).isEqualTo(steps);
        List<Map<String, Object>> topThree = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/paths?from=" + from
                + "&to=" + to + "&limit=3").getBody().get("topSteps");
        assertThat(topThree).extracting(s -> ((Number) s.get("steps")).longValue())
                .containsExactlyElementsOf(steps.values().stream().sorted(java.util.Comparator.reverseOrder()).limit(3).toList());
    }

    @Test
    void sharersSayWhatTheHistorySays() {
        LocalDate from = FIRST.plusDays(15);
        LocalDate to = FIRST.plusDays(44);
        java.util.function.Predicate<LocalDate> inPeriod = day -> !day.isBefore(from) && !day.isAfter(to);
        Map<Long, long[]> expected = new java.util.HashMap<>(); // shares, reached, registrations, orders, gmv
        HISTORY.events().stream().filter(e -> e.type().equals("share") && inPeriod.test(e.day()))
                .forEach(e -> expected.computeIfAbsent(e.memberId(), id -> new long[5])[0]++);
        HISTORY.events().stream().filter(e -> e.type().equals("share_open") && inPeriod.test(e.day()) && !e.sharerId().equals(e.memberId()))
                .collect(Collectors.groupingBy(SyntheticMall.Event::sharerId, Collectors.mapping(SyntheticMall.Event::memberId, Collectors.toSet())))
                .forEach((sharer, visitors) -> expected.computeIfAbsent(sharer, id -> new long[5])[1] = visitors.size());
        Map<Long, Long> inviterOf = new java.util.HashMap<>();
        for (SyntheticMall.Member member : HISTORY.members()) {
            if (member.inviterId() != null) {
                inviterOf.put(member.id(), member.inviterId());
                if (inPeriod.test(member.day())) {
                    expected.computeIfAbsent(member.inviterId(), id -> new long[5])[2]++;
                }
            }
        }
        HISTORY.orders().stream().filter(o -> inPeriod.test(o.day()) && inviterOf.containsKey(o.memberId())).forEach(o -> {
            long[] counts = expected.computeIfAbsent(inviterOf.get(o.memberId()), id -> new long[5]);
            counts[3]++;
            counts[4] += o.amount();
        });
        String[] ranks = {"SHARES", "REACHED", "REGISTRATIONS", "ORDERS", "GMV"};
        for (int r = 0; r < ranks.length; r++) {
            int column = r;
            Map<String, Object> view = facts.get(TestTokens.merchant(1), "/admin/insights/sharers?from=" + from + "&to=" + to + "&by=" + ranks[r]
                    + "&limit=200").getBody();
            Map<String, Object> totals = (Map<String, Object>) view.get("totals");
            assertThat(totals).as(ranks[r]).containsEntry("sharers", expected.size())
                    .containsEntry("reached", (int) expected.values().stream().mapToLong(c -> c[1]).sum())
                    .containsEntry("gmv", (int) expected.values().stream().mapToLong(c -> c[4]).sum());
            List<Map<String, Object>> sharers = (List<Map<String, Object>>) view.get("sharers");
            List<Long> expectedOrder = expected.entrySet().stream().sorted(java.util.Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> e.getValue()[column])
                    .reversed().thenComparingLong(Map.Entry::getKey)).limit(200).map(Map.Entry::getKey).toList();
            assertThat(sharers).extracting(s -> Long.parseLong((String) s.get("memberId"))).as("ranked by " + ranks[r]).containsExactlyElementsOf(expectedOrder);
            for (Map<String, Object> sharer : sharers) {
                long[] counts = expected.get(Long.parseLong((String) sharer.get("memberId")));
                assertThat(sharer).containsEntry("shares", (int) counts[0]).containsEntry("reached", (int) counts[1])
                        .containsEntry("registrations", (int) counts[2]).containsEntry("orders", (int) counts[3]).containsEntry("gmv", (int) counts[4]);
            }
        }
        assertThat(expected.values().stream().filter(c -> c[1] > 0 && c[2] > 0 && c[3] > 0).count())
                .as("the history has sharers who reached, brought and sold").isPositive();
    }

    @Test
    void guidesAndStoresSayWhatTheHistorySays() {
        LocalDate from = FIRST.plusDays(10);
        LocalDate to = FIRST.plusDays(40);
        java.util.function.Predicate<LocalDate> inPeriod = day -> !day.isBefore(from) && !day.isAfter(to);
        Set<Long> used = HISTORY.orders().stream().map(SyntheticMall.Order::couponId).filter(java.util.Objects::nonNull).collect(Collectors.toSet());
        for (String level : List.of("GUIDE", "STORE")) {
            boolean byGuide = level.equals("GUIDE");
            Map<Long, long[]> expected = new java.util.HashMap<>(); // scans, new, bound, customers, issued, used, orders, buyers, gmv
            java.util.function.Function<Long, long[]> of = key -> expected.computeIfAbsent(key, k -> new long[9]);
            for (SyntheticMall.Event e : HISTORY.events()) {
                if (e.type().equals("qrcode_scan") && inPeriod.test(e.day())) {
                    of.apply(Long.parseLong(e.props().get(byGuide ? "guideId" : "storeId")))[0]++;
                }
            }
            HISTORY.members().stream().filter(m -> m.guideId() != null && inPeriod.test(m.day()))
                    .forEach(m -> of.apply(byGuide ? m.guideId() : m.storeId())[1]++);
            HISTORY.bindings().stream().filter(b -> inPeriod.test(b.day()))
                    .collect(Collectors.groupingBy(b -> byGuide ? b.guideId() : b.storeId(), Collectors.mapping(SyntheticMall.Binding::memberId, Collectors.toSet())))
                    .forEach((key, members) -> of.apply(key)[2] = members.size());
            HISTORY.bindings().stream().filter(b -> !b.day().isAfter(to))
                    .collect(Collectors.toMap(SyntheticMall.Binding::memberId, b -> b, (a, b) -> a.boundAt().isAfter(b.boundAt()) ? a : b))
                    .values().forEach(b -> of.apply(byGuide ? b.guideId() : b.storeId())[3]++);
            HISTORY.coupons().stream().filter(c -> c.guideId() != null && inPeriod.test(c.day())).forEach(c -> {
                long[] counts = of.apply(byGuide ? c.guideId() : c.storeId());
                counts[4]++;
                counts[5] += used.contains(c.couponId()) ? 1 : 0;
            });
            HISTORY.orders().stream().filter(o -> o.guideId() != null && inPeriod.test(o.day()))
                    .collect(Collectors.groupingBy(o -> byGuide ? o.guideId() : o.storeId())).forEach((key, orders) -> {
                        long[] counts = of.apply(key);
                        counts[6] = orders.size();
                        counts[7] = orders.stream().map(SyntheticMall.Order::memberId).distinct().count();
                        counts[8] = orders.stream().mapToLong(SyntheticMall.Order::amount).sum();
                    });
            // the history's guides and stores (other tests' guides keep customers bound long before, so they are listed too)
            List<Map<String, Object>> rows = ((List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/guides?from=" + from
                    + "&to=" + to + "&by=" + level).getBody().get("rows")).stream()
                    .filter(r -> Long.parseLong((String) r.get("id")) >= SyntheticMall.FIRST_GUIDE_ID).toList();
            assertThat(rows).extracting(r -> Long.parseLong((String) r.get("id"))).as(level)
                    .containsExactlyElementsOf(expected.entrySet().stream().sorted(java.util.Comparator.<Map.Entry<Long, long[]>>comparingLong(e -> e.getValue()[8])
                            .reversed().thenComparingLong(Map.Entry::getKey)).map(Map.Entry::getKey).toList());
            String[] names = {"scans", "newMembers", "boundMembers", "customers", "couponsIssued", "couponsUsed", "orders", "payingMembers", "gmv"};
            for (Map<String, Object> row : rows) {
                long[] counts = expected.get(Long.parseLong((String) row.get("id")));
                for (int k = 0; k < names.length; k++) {
                    assertThat(((Number) row.get(names[k])).longValue()).as(level + " " + row.get("id") + " " + names[k]).isEqualTo(counts[k]);
                }
                assertThat(row.get("registrationsPerScan")).isEqualTo(fourDecimals(counts[1], counts[0]));
            }
            assertThat(rows).as(level + ": every figure is somewhere").allSatisfy(row -> assertThat(((Number) row.get("gmv")).longValue()).isPositive());
        }
    }

    @Test
    void couponsSayWhatTheHistorySays() {
        LocalDate from = FIRST.plusDays(5);
        LocalDate to = FIRST.plusDays(35);
        Map<Long, SyntheticMall.Order> usedBy = HISTORY.orders().stream().filter(o -> o.couponId() != null)
                .collect(Collectors.toMap(SyntheticMall.Order::couponId, o -> o));
        List<SyntheticMall.Coupon> issued = HISTORY.coupons().stream().filter(c -> !c.day().isBefore(from) && !c.day().isAfter(to)).toList();
        for (String level : List.of("TEMPLATE", "CHANNEL")) {
            Map<String, List<SyntheticMall.Coupon>> groups = issued.stream()
                    .collect(Collectors.groupingBy(c -> level.equals("TEMPLATE") ? Long.toString(c.templateId()) : c.channel()));
            List<Map<String, Object>> rows = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/coupons?from=" + from
                    + "&to=" + to + "&by=" + level).getBody().get("rows");
            assertThat(rows).hasSize(groups.size());
            for (Map<String, Object> row : rows) {
                List<SyntheticMall.Coupon> coupons = groups.get((String) row.get("id"));
                long used = coupons.stream().filter(c -> usedBy.containsKey(c.couponId())).count();
                long gmv = coupons.stream().filter(c -> usedBy.containsKey(c.couponId())).mapToLong(c -> usedBy.get(c.couponId()).amount()).sum();
                assertThat(row).as(level + " " + row.get("id")).containsEntry("issued", coupons.size())
                        .containsEntry("members", (int) coupons.stream().map(SyntheticMall.Coupon::memberId).distinct().count())
                        .containsEntry("used", (int) used).containsEntry("useRate", fourDecimals(used, coupons.size()))
                        .containsEntry("gmv", (int) gmv).containsEntry("gmvPerCoupon", (int) (gmv / coupons.size()));
                assertThat(used).as("coupons of " + row.get("id") + " were used").isPositive();
            }
        }
    }

    @Test
    void memberReportsKeepToTheMembersWhoseFirstTouchWasAChannelOrAGuideOrWhoAreAtALevel() {
        LocalDate from = FIRST.plusDays(5);
        LocalDate to = FIRST.plusDays(34);
        Map<Long, Instant> firstPaid = HISTORY.orders().stream().collect(Collectors.toMap(SyntheticMall.Order::memberId,
                SyntheticMall.Order::paidAt, (a, b) -> a.isBefore(b) ? a : b));
        // each member's level now: their latest change; never changed, the entry level
        Map<Long, String> levelNow = HISTORY.levels().stream().collect(Collectors.toMap(SyntheticMall.LevelChange::memberId, l -> l,
                (a, b) -> a.changedAt().isAfter(b.changedAt()) ? a : b)).entrySet().stream()
                .collect(Collectors.toMap(Map.Entry::getKey, e -> e.getValue().levelCode()));
        java.util.function.Function<SyntheticMall.Member, String> levelOf = m -> levelNow.getOrDefault(m.id(), "V0");
        Map<String, java.util.function.Predicate<SyntheticMall.Member>> filters = Map.of(
                "channel=poster", m -> m.channel().equals("poster"),
                "guideId=" + SyntheticMall.FIRST_GUIDE_ID, m -> Long.valueOf(SyntheticMall.FIRST_GUIDE_ID).equals(m.guideId()),
                "storeId=" + SyntheticMall.storeOf(SyntheticMall.FIRST_GUIDE_ID) + "&channel=guide",
                m -> Long.valueOf(SyntheticMall.storeOf(SyntheticMall.FIRST_GUIDE_ID)).equals(m.storeId()),
                "level=V0", m -> levelOf.apply(m).equals("V0"),
                "level=V1", m -> levelOf.apply(m).equals("V1"),
                "level=V1&channel=poster", m -> levelOf.apply(m).equals("V1") && m.channel().equals("poster"),
                "level=V2", m -> levelOf.apply(m).equals("V2"));
        for (Map.Entry<String, java.util.function.Predicate<SyntheticMall.Member>> filter : filters.entrySet()) {
            List<SyntheticMall.Member> members = HISTORY.members().stream().filter(m -> !m.day().isBefore(from) && !m.day().isAfter(to))
                    .filter(filter.getValue()).toList();
            long within = members.stream().filter(m -> firstPaid.containsKey(m.id())
                    && !firstPaid.get(m.id()).isAfter(m.registeredAt().plus(java.time.Duration.ofDays(7)))).count();
            Map<String, Object> firstPurchase = facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase?from=" + from + "&to=" + to
                    + "&" + filter.getKey()).getBody();
            assertThat(firstPurchase).as(filter.getKey()).containsEntry("members", members.size()).containsEntry("boughtWithin", (int) within);
            List<Map<String, Object>> cohorts = (List<Map<String, Object>>) facts.get(TestTokens.merchant(1), "/admin/insights/retention?from="
                    + from + "&to=" + to + "&" + filter.getKey()).getBody().get("cohorts");
            Map<String, Long> byDay = members.stream().collect(Collectors.groupingBy(m -> m.day().toString(), Collectors.counting()));
            Map<String, Long> found = new java.util.HashMap<>();
            cohorts.forEach(c -> found.put((String) c.get("day"), ((Number) c.get("members")).longValue()));
            assertThat(found).as(filter.getKey()).isEqualTo(byDay);
            assertThat(members).as(filter.getKey() + " keeps some members").isNotEmpty();
        }
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/retention?channel=bad%20channel").getStatusCode().value()).isEqualTo(400);
        assertThat(facts.get(TestTokens.merchant(1), "/admin/insights/first-purchase?level=V1%27--").getStatusCode().value()).isEqualTo(400);
    }

    private static Map<String, Long> counts(List<Map<String, Object>> rows, String key, String count) {
        Map<String, Long> found = new java.util.HashMap<>();
        rows.forEach(row -> found.put((String) row.get(key), ((Number) row.get(count)).longValue()));
        return found;
    }

    private static Map<String, Object> expectedDay(LocalDate day) {
        long visitors = seenOn(day).size();
        long checkIns = HISTORY.checkIns().stream().filter(c -> c.day().equals(day)).count();
        long joined = HISTORY.members().stream().filter(m -> m.day().equals(day)).count();
        List<SyntheticMall.Order> orders = HISTORY.orders().stream().filter(o -> o.day().equals(day)).toList();
        long paying = orders.stream().map(SyntheticMall.Order::memberId).distinct().count();
        long gmv = orders.stream().mapToLong(SyntheticMall.Order::amount).sum();
        return Map.of("day", day.toString(), "visitors", (int) visitors, "newMembers", (int) joined, "payingMembers", (int) paying,
                "orders", orders.size(), "gmv", (int) gmv, "conversion", fourDecimals(paying, visitors), "checkIns", (int) checkIns);
    }

    /** The members seen on a day: a behavior event, a login or a check-in. */
    private static Set<Long> seenOn(LocalDate day) {
        Set<Long> seen = new java.util.HashSet<>();
        HISTORY.events().stream().filter(e -> e.day().equals(day)).forEach(e -> seen.add(e.memberId()));
        HISTORY.logins().stream().filter(l -> l.day().equals(day)).forEach(l -> seen.add(l.memberId()));
        HISTORY.checkIns().stream().filter(c -> c.day().equals(day)).forEach(c -> seen.add(c.memberId()));
        return seen;
    }

    private static Map<String, Object> expectedWeek(LocalDate day) {
        long visitors = 0;
        long joined = 0;
        long paying = 0;
        long orders = 0;
        long gmv = 0;
        long checkIns = 0;
        for (int i = 1; i <= 7; i++) {
            Map<String, Object> one = expectedDay(day.minusDays(i));
            visitors += (int) one.get("visitors");
            joined += (int) one.get("newMembers");
            paying += (int) one.get("payingMembers");
            orders += (int) one.get("orders");
            gmv += (int) one.get("gmv");
            checkIns += (int) one.get("checkIns");
        }
        return Map.of("visitors", oneDecimalPerDay(visitors), "newMembers", oneDecimalPerDay(joined),
                "payingMembers", oneDecimalPerDay(paying), "orders", oneDecimalPerDay(orders), "gmv", oneDecimalPerDay(gmv),
                "conversion", fourDecimals(paying, visitors), "checkIns", oneDecimalPerDay(checkIns));
    }

    private static double oneDecimalPerDay(long total) {
        return new java.math.BigDecimal(total).divide(java.math.BigDecimal.valueOf(7), 1, java.math.RoundingMode.HALF_UP).doubleValue();
    }

    private static double fourDecimals(long part, long whole) {
        return whole == 0 ? 0.0 : new java.math.BigDecimal(part).divide(java.math.BigDecimal.valueOf(whole), 4, java.math.RoundingMode.HALF_UP).doubleValue();
    }
}
