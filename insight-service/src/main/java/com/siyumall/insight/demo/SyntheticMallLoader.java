package com.siyumall.insight.demo;

import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Component;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import static com.siyumall.insight.store.Values.utc;

/** Puts a {@link SyntheticMall} history into the analytical store, as if its facts had arrived on the topics. */
@Component
public class SyntheticMallLoader {
    /** Rows held before they go to the store when a history is streamed: bounded memory whatever its size. */
    private static final int CHUNK = 200_000;
    private final AnalyticsStore store;

    SyntheticMallLoader(AnalyticsStore store) {
        this.store = store;
    }

    public record Loaded(long members, long events, long orders) {}

    public void load(SyntheticMall.History history, Instant receivedAt) {
        appendMembers(history.members());
        appendEvents(history.events(), receivedAt);
        appendOrders(history.orders());
    }

    /** Generates a history (see {@link SyntheticMall#generate}) straight into the store, a chunk at a time. */
    public Loaded generate(long seed, long firstId, int members, LocalDate firstDay, int days, SyntheticMall.Activity activity,
                           Instant receivedAt) {
        List<SyntheticMall.Member> joined = new ArrayList<>();
        List<SyntheticMall.Event> events = new ArrayList<>();
        List<SyntheticMall.Order> orders = new ArrayList<>();
        long[] counts = new long[3];
        SyntheticMall.generate(seed, firstId, members, firstDay, days, activity, new SyntheticMall.Sink() {
            @Override
            public void member(SyntheticMall.Member member) {
                joined.add(member);
                counts[0]++;
                if (joined.size() == CHUNK) {
                    appendMembers(joined);
                    joined.clear();
                }
            }

            @Override
            public void event(SyntheticMall.Event event) {
                events.add(event);
                counts[1]++;
                if (events.size() == CHUNK) {
                    appendEvents(events, receivedAt);
                    events.clear();
                }
            }

            @Override
            public void order(SyntheticMall.Order order) {
                orders.add(order);
                counts[2]++;
                if (orders.size() == CHUNK) {
                    appendOrders(orders);
                    orders.clear();
                }
            }
        });
        appendMembers(joined);
        appendEvents(events, receivedAt);
        appendOrders(orders);
        return new Loaded(counts[0], counts[1], counts[2]);
    }

    private void appendMembers(List<SyntheticMall.Member> members) {
        store.append("member_fact", members, (row, m) -> row.append(m.id()).append(utc(m.registeredAt())).append(m.day())
                .append(m.scene()).append(m.channel()).append(m.inviterId()).appendNull().appendNull());
    }

    private void appendEvents(List<SyntheticMall.Event> events, Instant receivedAt) {
        store.append("behavior_event", events, (row, e) -> row.append(e.eventId()).append(e.type()).append(e.memberId())
                .appendNull().append("m:" + e.memberId()).append(e.page()).appendNull().appendNull().appendNull().append(e.sharerId())
                .append(e.spuId()).appendNull().append(utc(e.at())).append(e.day()).append(utc(receivedAt)));
    }

    private void appendOrders(List<SyntheticMall.Order> orders) {
        store.append("order_fact", orders, (row, o) -> row.append(o.orderNo()).append(o.memberId())
                .append(utc(o.paidAt())).append(o.day()).append(o.amount()).appendNull()
                .appendNull().appendNull().appendNull().appendNull().appendNull());
    }
}
