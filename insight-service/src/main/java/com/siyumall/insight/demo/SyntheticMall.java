package com.siyumall.insight.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A deterministic mall history for demos, reference tests and the bench: members registering over a span of days with
 * their first touch, their visits (sessions of a few behavior events) falling off with time as real retention does,
 * first purchases and repurchases. The same seed gives the same history, so a test can compute what every report must
 * say from these lists, independently of the store's SQL.
 */
public final class SyntheticMall {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] SCENES = {1001, 1007, 1011, 1047, 1089};
    private static final String[] CHANNELS = {"poster", "moments", "guide", "live"};
    private static final String[] PAGES = {"pages/index", "pages/category", "pages/product", "pages/cart", "pages/me"};
    private static final String[] TYPES = {"page_view", "product_view", "add_cart", "share", "search", "coupon_view"};

    public record Member(long id, Instant registeredAt, LocalDate day, int scene, String channel, Long inviterId) {}

    /** {@code sharerId}: on a share_open, the member whose share was opened. */
    public record Event(String eventId, long memberId, String type, Instant at, LocalDate day, String page, Long spuId, Long sharerId) {}

    public record Order(String orderNo, long memberId, Instant paidAt, LocalDate day, long amount) {}

    public record History(List<Member> members, List<Event> events, List<Order> orders) {}

    private SyntheticMall() {}

    /**
     * How busy the members are: the chance of coming back {@code age} days after registering is
     * {@code returnRate / sqrt(age)} (capped at 1), and a visit is a session of {@code sessionMin} to
     * {@code sessionMin + sessionSpread - 1} events.
     */
    public record Activity(double returnRate, int sessionMin, int sessionSpread) {
        /** About 20 % back the next day, a few percent a week on: what the industry sees (seed 001). */
        public static final Activity TYPICAL = new Activity(0.2, 2, 5);
    }

    /** Receives a history as it is generated, member by member (a member's events and orders follow the member). */
    public interface Sink {
        void member(Member member);

        void event(Event event);

        void order(Order order);
    }

    /**
     * {@code members} members registering evenly over the {@code days} business days from {@code firstDay}, ids from
     * {@code firstId}; activity is generated up to the last day only.
     */
    public static History generate(long seed, long firstId, int members, LocalDate firstDay, int days) {
        List<Member> joined = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        generate(seed, firstId, members, firstDay, days, Activity.TYPICAL, new Sink() {
            @Override
            public void member(Member member) {
                joined.add(member);
            }

            @Override
            public void event(Event event) {
                events.add(event);
            }

            @Override
            public void order(Order order) {
                orders.add(order);
            }
        });
        return new History(List.copyOf(joined), List.copyOf(events), List.copyOf(orders));
    }

    /** The same history handed to {@code sink} as it is made, so that one far larger than memory can be stored. */
    public static void generate(long seed, long firstId, int members, LocalDate firstDay, int days, Activity activity, Sink sink) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate lastDay = firstDay.plusDays(days - 1L);
        for (int i = 0; i < members; i++) {
            long id = firstId + i;
            LocalDate day = firstDay.plusDays((long) i * days / members);
            Instant registeredAt = at(day, random);
            Long inviter = i > 0 && random.nextInt(5) == 0 ? firstId + random.nextInt(i) : null;
            Member member = new Member(id, registeredAt, day, SCENES[random.nextInt(SCENES.length)],
                    CHANNELS[random.nextInt(CHANNELS.length)], inviter);
            sink.member(member);
            int[] sequence = {0};
            // the registration visit (an invited member arrives by opening the inviter's share), then returns that grow
            // rarer: about 20 % the next day, a few percent a week on; now and then one by opening another member's share
            session(member, registeredAt.plusSeconds(1), inviter, activity, sequence, sink, random);
            int paid = 0;
            for (LocalDate later = day.plusDays(1); !later.isAfter(lastDay); later = later.plusDays(1)) {
                long age = later.toEpochDay() - day.toEpochDay();
                if (random.nextDouble() < activity.returnRate() / Math.sqrt(age)) {
                    Instant when = at(later, random);
                    Long sharer = i > 0 && random.nextInt(10) == 0 ? firstId + random.nextInt(i) : null;
                    session(member, when, sharer, activity, sequence, sink, random);
                    if (random.nextDouble() < (paid == 0 ? 0.3 : 0.15)) {
                        paid++;
                        sink.order(new Order("S" + id + "-" + paid, id, when.plusSeconds(600), day(when.plusSeconds(600)),
                                1_000 + 100L * random.nextInt(200)));
                    }
                }
            }
        }
    }

    private static void session(Member member, Instant start, Long openedShareOf, Activity activity, int[] sequence, Sink sink,
                                SplittableRandom random) {
        int size = activity.sessionMin() + random.nextInt(activity.sessionSpread());
        for (int k = 0; k < size; k++) {
            Instant at = start.plusSeconds(20L * k);
            String type = k > 0 ? TYPES[random.nextInt(TYPES.length)] : openedShareOf != null ? "share_open" : "page_view";
            Long spu = type.equals("product_view") || type.equals("add_cart") ? (long) (1 + random.nextInt(40)) : null;
            sink.event(new Event("s-" + member.id() + "-" + sequence[0]++, member.id(), type, at, day(at),
                    PAGES[random.nextInt(PAGES.length)], spu, k == 0 ? openedShareOf : null));
        }
    }

    /** A moment of a business day, early enough that the session it starts stays in that day. */
    private static Instant at(LocalDate day, SplittableRandom random) {
        return day.atTime(LocalTime.of(8 + random.nextInt(12), random.nextInt(60), random.nextInt(60))).atZone(SHANGHAI).toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, SHANGHAI);
    }
}
