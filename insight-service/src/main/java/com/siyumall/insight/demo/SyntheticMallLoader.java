package com.siyumall.insight.demo;

import com.siyumall.insight.store.AnalyticsStore;
import org.springframework.stereotype.Component;

import java.time.Instant;

import static com.siyumall.insight.store.Values.utc;

/** Puts a {@link SyntheticMall} history into the analytical store, as if its facts had arrived on the topics. */
@Component
public class SyntheticMallLoader {
    private final AnalyticsStore store;

    SyntheticMallLoader(AnalyticsStore store) {
        this.store = store;
    }

    public void load(SyntheticMall.History history, Instant receivedAt) {
        store.append("member_fact", history.members(), (row, m) -> row.append(m.id()).append(utc(m.registeredAt())).append(m.day())
                .append(m.scene()).append(m.channel()).append(m.inviterId()).appendNull().appendNull());
        store.append("behavior_event", history.events(), (row, e) -> row.append(e.eventId()).append(e.type()).append(e.memberId())
                .appendNull().append("m:" + e.memberId()).append(e.page()).appendNull().appendNull().appendNull().appendNull()
                .append(e.spuId()).appendNull().append(utc(e.at())).append(e.day()).append(utc(receivedAt)));
        store.append("order_fact", history.orders(), (row, o) -> row.append(o.orderNo()).append(o.memberId())
                .append(utc(o.paidAt())).append(o.day()).append(o.amount()).appendNull());
    }
}
