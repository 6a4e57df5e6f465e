package com.siyumall.insight.demo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A deterministic mall history for demos, reference tests and the bench: members registering over a span of days with
 * their first touch (a scene, a channel, an inviter's share or a guide's QR code), their visits (sessions of a few
 * behavior events) falling off with time as real retention does, guides binding members, coupons claimed and handed
 * out, first purchases and repurchases attributed to the member's guide and using their coupons, a login opening every
 * visit and now and then a check-in — and now and then a day seen only by its login (the client's events never came).
 * The same seed gives
 * the same history, so a test can compute what every report must say from these lists, independently of the SQL.
 */
public final class SyntheticMall {
    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
    private static final int[] SCENES = {1001, 1007, 1011, 1047, 1089};
    private static final String[] CHANNELS = {"poster", "moments", "guide", "live"};
    private static final String[] PAGES = {"pages/index", "pages/category", "pages/product", "pages/cart", "pages/me"};
    private static final String[] TYPES = {"page_view", "product_view", "add_cart", "share", "search", "coupon_view"};
    private static final int GUIDES = 6;
    /** Guide and store ids far from real ones: guide g (1..6) works at store g % 3. */
    public static final long FIRST_GUIDE_ID = 9_300_000_001L;
    public static final long FIRST_STORE_ID = 9_300_100_000L;
    public static final long WELCOME_TEMPLATE_ID = 9_300_200_001L;
    public static final long GUIDE_TEMPLATE_ID = 9_300_200_002L;

    /** {@code storeId}, {@code guideId}: the guide whose QR code the member registered through (channel "guide"). */
    public record Member(long id, Instant registeredAt, LocalDate day, int scene, String channel, Long inviterId, Long storeId,
                         Long guideId) {}

    /** {@code sharerId}: on a share_open, the member whose share was opened; {@code props}: a qrcode_scan's guide and store. */
    public record Event(String eventId, long memberId, String type, Instant at, LocalDate day, String page, Long spuId, Long sharerId,
                        Map<String, String> props) {}

    public record Binding(String eventId, long memberId, long guideId, long storeId, Long previousGuideId, Instant boundAt, LocalDate day) {}

    /** {@code guideId}, {@code storeId}: the guide who handed it out (channel GUIDE). */
    public record Coupon(long couponId, long templateId, String templateName, long memberId, String channel, Long guideId, Long storeId,
                         Instant issuedAt, LocalDate day) {}

    /** {@code guideId}, {@code storeId}: the member's guide when they paid; {@code couponId}: the coupon it used. */
    public record Order(String orderNo, long memberId, Instant paidAt, LocalDate day, long amount, Long guideId, Long storeId,
                        Long couponId) {}

    /** A member reaching a level: V1 with their first paid order, V2 with their third (everyone starts at the entry level V0). */
    public record LevelChange(String eventId, long memberId, String levelCode, int levelRank, Instant changedAt, LocalDate day) {}

    /** A member opening the mini-program: the first of a member is their registration ({@code newMember}). */
    public record Login(long loginId, long memberId, Instant at, LocalDate day, boolean newMember) {}

    /** A daily check-in; {@code streak}: consecutive days checked in, this one included. */
    public record CheckIn(long memberId, LocalDate day, int streak, Instant at) {}

    public record History(List<Member> members, List<Event> events, List<Order> orders, List<Binding> bindings, List<Coupon> coupons,
                          List<LevelChange> levels, List<Login> logins, List<CheckIn> checkIns) {}

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

    /** Receives a history as it is generated, member by member (a member's facts follow the member). */
    public interface Sink {
        void member(Member member);

        void event(Event event);

        void order(Order order);

        void binding(Binding binding);

        void coupon(Coupon coupon);

        void level(LevelChange change);

        void login(Login login);

        void checkIn(CheckIn checkIn);
    }

    /**
     * {@code members} members registering evenly over the {@code days} business days from {@code firstDay}, ids from
     * {@code firstId}; activity is generated up to the last day only.
     */
    public static History generate(long seed, long firstId, int members, LocalDate firstDay, int days) {
        List<Member> joined = new ArrayList<>();
        List<Event> events = new ArrayList<>();
        List<Order> orders = new ArrayList<>();
        List<Binding> bindings = new ArrayList<>();
        List<Coupon> coupons = new ArrayList<>();
        List<LevelChange> levels = new ArrayList<>();
        List<Login> logins = new ArrayList<>();
        List<CheckIn> checkIns = new ArrayList<>();
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

            @Override
            public void binding(Binding binding) {
                bindings.add(binding);
            }

            @Override
            public void coupon(Coupon coupon) {
                coupons.add(coupon);
            }

            @Override
            public void level(LevelChange change) {
                levels.add(change);
            }

            @Override
            public void login(Login login) {
                logins.add(login);
            }

            @Override
            public void checkIn(CheckIn checkIn) {
                checkIns.add(checkIn);
            }
        });
        return new History(List.copyOf(joined), List.copyOf(events), List.copyOf(orders), List.copyOf(bindings), List.copyOf(coupons),
                List.copyOf(levels), List.copyOf(logins), List.copyOf(checkIns));
    }

    /** The same history handed to {@code sink} as it is made, so that one far larger than memory can be stored. */
    public static void generate(long seed, long firstId, int members, LocalDate firstDay, int days, Activity activity, Sink sink) {
        SplittableRandom random = new SplittableRandom(seed);
        LocalDate lastDay = firstDay.plusDays(days - 1L);
        for (int i = 0; i < members; i++) {
            new MemberStory(firstId + i, i, firstId, random, new SplittableRandom(seed * 31 + firstId + i), activity, sink).live(firstDay.plusDays((long) i * days / members), lastDay);
        }
    }

    /**
     * One member's history as it unfolds: their guide now, their unused coupons. Logins and check-ins draw from their own
     * {@code habits}, so adding them left every other fact of a seed as it was.
     */
    private static final class MemberStory {
        private final long id;
        private final int index;
        private final long firstId;
        private final SplittableRandom random;
        private final SplittableRandom habits;
        private final Activity activity;
        private final Sink sink;
        private final Deque<Coupon> unused = new ArrayDeque<>();
        private Long guide;
        private int sequence;
        private int coupons;
        private int logins;
        private LocalDate lastCheckIn;
        private int streak;

        MemberStory(long id, int index, long firstId, SplittableRandom random, SplittableRandom habits, Activity activity, Sink sink) {
            this.id = id;
            this.index = index;
            this.firstId = firstId;
            this.random = random;
            this.habits = habits;
            this.activity = activity;
            this.sink = sink;
        }

        void live(LocalDate day, LocalDate lastDay) {
            Instant registeredAt = at(day, random);
            Long inviter = index > 0 && random.nextInt(5) == 0 ? firstId + random.nextInt(index) : null;
            String channel = CHANNELS[random.nextInt(CHANNELS.length)];
            Long firstGuide = channel.equals("guide") ? FIRST_GUIDE_ID + random.nextInt(GUIDES) : null;
            Member member = new Member(id, registeredAt, day, SCENES[random.nextInt(SCENES.length)], channel, inviter,
                    firstGuide == null ? null : storeOf(firstGuide), firstGuide);
            sink.member(member);
            logIn(registeredAt, true);
            // the registration visit: an invited member arrives by opening the inviter's share, a guide's by scanning
            // the guide's code (and is bound to them, with their gift coupon); half claim the welcome coupon
            Map<String, String> scanned = firstGuide == null ? null
                    : Map.of("guideId", Long.toString(firstGuide), "storeId", Long.toString(storeOf(firstGuide)));
            session(registeredAt.plusSeconds(1), inviter, scanned);
            if (firstGuide != null) {
                bind(firstGuide, registeredAt.plusSeconds(2));
            }
            if (random.nextInt(2) == 0) {
                issue(WELCOME_TEMPLATE_ID, "新人券", "CLAIM_CENTRE", null, registeredAt.plusSeconds(5));
            }
            // returns grow rarer: about 20 % the next day, a few percent a week on; now and then one by opening
            // another member's share, now and then bound to a guide in a store
            int paid = 0;
            for (LocalDate later = day.plusDays(1); !later.isAfter(lastDay); later = later.plusDays(1)) {
                long age = later.toEpochDay() - day.toEpochDay();
                if (random.nextDouble() < activity.returnRate() / Math.sqrt(age)) {
                    Instant when = at(later, random);
                    Long sharer = index > 0 && random.nextInt(10) == 0 ? firstId + random.nextInt(index) : null;
                    logIn(when.minusSeconds(1), false);
                    session(when, sharer, null);
                    if (random.nextInt(10) == 0) {
                        bind(FIRST_GUIDE_ID + random.nextInt(GUIDES), when.plusSeconds(30));
                    }
                    if (random.nextDouble() < (paid == 0 ? 0.3 : 0.15)) {
                        paid++;
                        Instant paidAt = when.plusSeconds(600);
                        Long couponId = !unused.isEmpty() && random.nextInt(10) < 6 ? unused.poll().couponId() : null;
                        sink.order(new Order("S" + id + "-" + paid, id, paidAt, day(paidAt), 1_000 + 100L * random.nextInt(200),
                                guide, guide == null ? null : storeOf(guide), couponId));
                        if (paid == 1 || paid == 3) {
                            int rank = (paid + 1) / 2;
                            Instant reached = paidAt.plusSeconds(1);
                            sink.level(new LevelChange("l-" + id + "-" + paid, id, "V" + rank, rank, reached, day(reached)));
                        }
                    }
                } else if (habits.nextDouble() < activity.returnRate() / (4 * Math.sqrt(age))) {
                    logIn(at(later, habits), false);
                }
            }
        }

        /** A login, and on a third of them the day's check-in (one a day; the streak runs while no day is missed). */
        private void logIn(Instant at, boolean newMember) {
            sink.login(new Login(id * 1_000 + logins++, id, at, day(at), newMember));
            LocalDate day = day(at);
            if (habits.nextInt(3) == 0 && !day.equals(lastCheckIn)) {
                streak = lastCheckIn != null && lastCheckIn.plusDays(1).equals(day) ? streak + 1 : 1;
                lastCheckIn = day;
                sink.checkIn(new CheckIn(id, day, streak, at.plusSeconds(10)));
            }
        }

        private void bind(long guideId, Instant at) {
            sink.binding(new Binding("b-" + id + "-" + sequence++, id, guideId, storeOf(guideId), guide, at, day(at)));
            guide = guideId;
            issue(GUIDE_TEMPLATE_ID, "导购礼券", "GUIDE", guideId, at.plusSeconds(1));
        }

        private void issue(long templateId, String name, String channel, Long guideId, Instant at) {
            Coupon coupon = new Coupon(id * 100 + coupons++, templateId, name, id, channel, guideId, guideId == null ? null : storeOf(guideId),
                    at, day(at));
            unused.add(coupon);
            sink.coupon(coupon);
        }

        private void session(Instant start, Long openedShareOf, Map<String, String> scanned) {
            int size = activity.sessionMin() + random.nextInt(activity.sessionSpread());
            for (int k = 0; k < size; k++) {
                Instant at = start.plusSeconds(20L * k);
                String type = k > 0 ? TYPES[random.nextInt(TYPES.length)]
                        : openedShareOf != null ? "share_open" : scanned != null ? "qrcode_scan" : "page_view";
                Long spu = type.equals("product_view") || type.equals("add_cart") ? (long) (1 + random.nextInt(40)) : null;
                sink.event(new Event("s-" + id + "-" + sequence++, id, type, at, day(at), PAGES[random.nextInt(PAGES.length)], spu,
                        k == 0 ? openedShareOf : null, type.equals("qrcode_scan") ? scanned : null));
            }
        }
    }

    public static long storeOf(long guideId) {
        return FIRST_STORE_ID + guideId % 3;
    }

    /** A moment of a business day, early enough that the session it starts stays in that day. */
    private static Instant at(LocalDate day, SplittableRandom random) {
        return day.atTime(LocalTime.of(8 + random.nextInt(12), random.nextInt(60), random.nextInt(60))).atZone(SHANGHAI).toInstant();
    }

    private static LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, SHANGHAI);
    }
}
