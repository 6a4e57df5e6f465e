package com.siyumall.insight.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import static com.siyumall.insight.store.Values.utc;

/** Puts a {@link SyntheticMall} history into the analytical store, as if its facts had arrived on the topics. */
@Component
public class SyntheticMallLoader {
    /** Rows held before they go to the store when a history is streamed: bounded memory whatever its size. */
    private static final int CHUNK = 200_000;
    private final AnalyticsStore store;
    private final ObjectMapper json;

    SyntheticMallLoader(AnalyticsStore store, ObjectMapper json) {
        this.store = store;
        this.json = json;
    }

    public record Loaded(long members, long events, long orders) {}

    public void load(SyntheticMall.History history, Instant receivedAt) {
        appendMembers(history.members());
        appendEvents(history.events(), receivedAt);
        appendOrders(history.orders());
        appendBindings(history.bindings());
        appendCoupons(history.coupons());
        appendLevels(history.levels());
        appendLogins(history.logins());
        appendCheckIns(history.checkIns());
    }

    /** Generates a history (see {@link SyntheticMall#generate}) straight into the store, a chunk at a time. */
    public Loaded generate(long seed, long firstId, int members, LocalDate firstDay, int days, SyntheticMall.Activity activity,
                           Instant receivedAt) {
        Chunks<SyntheticMall.Member> joined = new Chunks<>(this::appendMembers);
        Chunks<SyntheticMall.Event> events = new Chunks<>(chunk -> appendEvents(chunk, receivedAt));
        Chunks<SyntheticMall.Order> orders = new Chunks<>(this::appendOrders);
        Chunks<SyntheticMall.Binding> bindings = new Chunks<>(this::appendBindings);
        Chunks<SyntheticMall.Coupon> coupons = new Chunks<>(this::appendCoupons);
        Chunks<SyntheticMall.LevelChange> levels = new Chunks<>(this::appendLevels);
        Chunks<SyntheticMall.Login> logins = new Chunks<>(this::appendLogins);
        Chunks<SyntheticMall.CheckIn> checkIns = new Chunks<>(this::appendCheckIns);
        SyntheticMall.generate(seed, firstId, members, firstDay, days, activity, new SyntheticMall.Sink() {
            @Override
            public void member(SyntheticMall.Member member) {
                joined.add(member);
            }

            @Override
            public void event(SyntheticMall.Event event) {
                events.add(event);
            }

            @Override
            public void order(SyntheticMall.Order order) {
                orders.add(order);
            }

            @Override
            public void binding(SyntheticMall.Binding binding) {
                bindings.add(binding);
            }

            @Override
            public void coupon(SyntheticMall.Coupon coupon) {
                coupons.add(coupon);
            }

            @Override
            public void level(SyntheticMall.LevelChange change) {
                levels.add(change);
            }

            @Override
            public void login(SyntheticMall.Login login) {
                logins.add(login);
            }

            @Override
            public void checkIn(SyntheticMall.CheckIn checkIn) {
                checkIns.add(checkIn);
            }
        });
        for (Chunks<?> chunks : List.of(joined, events, orders, bindings, coupons, levels, logins, checkIns)) {
            chunks.flush();
        }
        return new Loaded(joined.count, events.count, orders.count);
    }

    /** Rows of one table held until {@link #CHUNK} of them go to the store together. */
    private static final class Chunks<T> {
        private final List<T> rows = new ArrayList<>();
        private final Consumer<List<T>> append;
        private long count;

        Chunks(Consumer<List<T>> append) {
            this.append = append;
        }

        void add(T row) {
            rows.add(row);
            count++;
            if (rows.size() == CHUNK) {
                flush();
            }
        }

        void flush() {
            append.accept(rows);
            rows.clear();
        }
    }

    private void appendMembers(List<SyntheticMall.Member> members) {
        store.append("member_fact", members, (row, m) -> row.append(m.id()).append(utc(m.registeredAt())).append(m.day())
                .append(m.scene()).append(m.channel()).append(m.inviterId()).append(m.storeId()).append(m.guideId()));
    }

    private void appendEvents(List<SyntheticMall.Event> events, Instant receivedAt) {
        store.append("behavior_event", events, (row, e) -> row.append(e.eventId()).append(e.type()).append(e.memberId())
                .appendNull().append("m:" + e.memberId()).append(e.page()).appendNull().appendNull().appendNull().append(e.sharerId())
                .append(e.spuId()).append(props(e)).append(utc(e.at())).append(e.day()).append(utc(receivedAt)));
    }

    private void appendOrders(List<SyntheticMall.Order> orders) {
        store.append("order_fact", orders, (row, o) -> row.append(o.orderNo()).append(o.memberId())
                .append(utc(o.paidAt())).append(o.day()).append(o.amount()).append(o.couponId())
                .append(o.guideId()).append(o.storeId()).appendNull().appendNull().appendNull());
    }

    private void appendBindings(List<SyntheticMall.Binding> bindings) {
        store.append("binding_fact", bindings, (row, b) -> row.append(b.eventId()).append(b.memberId()).append(b.guideId())
                .append(b.storeId()).append(b.previousGuideId()).append("QR_CODE").append(utc(b.boundAt())).append(b.day()));
    }

    private void appendCoupons(List<SyntheticMall.Coupon> coupons) {
        store.append("coupon_fact", coupons, (row, c) -> row.append(c.couponId()).append(c.templateId()).append(c.templateName())
                .append(c.memberId()).append(c.channel()).append(c.guideId()).append(c.storeId()).append(utc(c.issuedAt())).append(c.day()));
    }

    private void appendLevels(List<SyntheticMall.LevelChange> levels) {
        store.append("level_fact", levels, (row, l) -> row.append(l.eventId()).append(l.memberId()).append(l.levelCode())
                .append(l.levelRank()).append(utc(l.changedAt())).append(l.day()));
    }

    private void appendLogins(List<SyntheticMall.Login> logins) {
        store.append("login_fact", logins, (row, l) -> row.append(l.loginId()).append(l.memberId()).append(utc(l.at())).append(l.day())
                .appendNull().appendNull().append(l.newMember()));
    }

    private void appendCheckIns(List<SyntheticMall.CheckIn> checkIns) {
        store.append("check_in_fact", checkIns, (row, c) -> row.append(c.memberId()).append(c.day()).append(c.streak())
                .append(utc(c.at())));
    }

    /** A qrcode_scan's props as the intake stores them (StoreBehaviorEvents): JSON written by the mall's ObjectMapper. */
    private String props(SyntheticMall.Event event) {
        if (event.props() == null) {
            return null;
        }
        try {
            return json.writeValueAsString(event.props());
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }

}
