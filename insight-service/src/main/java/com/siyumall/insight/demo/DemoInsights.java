package com.siyumall.insight.demo;

import com.siyumall.common.time.BusinessTime;
import com.siyumall.insight.store.AnalyticsStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.sql.ResultSet;
import java.time.Clock;
import java.time.LocalDate;

/**
 * Demo history (profile {@code demo}, which only run-local.sh turns on): an empty store gets 30 days of a synthetic
 * mall ending today — 600 members with ids from 9,200,000,000 (no real member has them) — so every report shows
 * something at once. Real facts from the topics add to it.
 */
@Component
@Profile("demo")
class DemoInsights implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(DemoInsights.class);
    private static final int DAYS = 30;
    private final AnalyticsStore store;
    private final SyntheticMallLoader loader;
    private final Clock clock;

    DemoInsights(AnalyticsStore store, SyntheticMallLoader loader, Clock clock) {
        this.store = store;
        this.loader = loader;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        long members = store.read(connection -> {
            try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM member_fact")) {
                rows.next();
                return rows.getLong(1);
            }
        });
        if (members > 0) {
            return;
        }
        LocalDate today = BusinessTime.today(clock);
        SyntheticMall.History history = SyntheticMall.generate(1, 9_200_000_000L, 600, today.minusDays(DAYS - 1L), DAYS);
        loader.load(history, clock.instant());
        log.info("Demo insight history loaded: {} members, {} behavior events, {} paid orders over {} days",
                history.members().size(), history.events().size(), history.orders().size(), DAYS);
    }
}
