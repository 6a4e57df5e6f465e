package com.siyumall.member.points;

import com.siyumall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class PointsExpiryTest {
    private static final Instant CUTOFF = Instant.parse("2024-12-31T16:00:00Z");

    @Autowired
    PointsService points;
    @Autowired
    PointsHolds holds;
    @Autowired
    PointsExpiry expiry;
    @Autowired
    JdbcTemplate jdbc;

    private long memberWithOldPoints(long earnedLastYear) {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        points.earn(member, earnedLastYear, "TEST_GRANT", "old");
        jdbc.update("UPDATE points_entry SET created_at = ? WHERE member_id = ? AND ref_id = 'old'",
                Timestamp.from(Instant.parse("2024-06-01T02:00:00Z")), member);
        return member;
    }

    @Test
    void whatWasEarnedBeforeTheCutoffAndNotYetUsedExpiresOnceAndNewerPointsStay() {
        long spentSome = memberWithOldPoints(100);
        points.spend(spentSome, 30, "EXCHANGE", "x");
        points.earn(spentSome, 50, "ORDER_PAID", "new");
        long spentAll = memberWithOldPoints(100);
        points.spend(spentAll, 100, "EXCHANGE", "x");
        long heldAndReleased = memberWithOldPoints(40);
        holds.hold(heldAndReleased, "EXP-" + heldAndReleased, 10);
        holds.release("EXP-" + heldAndReleased);
        String label = "T" + ThreadLocalRandom.current().nextInt(1_000_000);

        expiry.expireEarnedBefore(CUTOFF, label);
        expiry.expireEarnedBefore(CUTOFF, label);

        assertThat(points.balance(spentSome)).as("100 old - 30 used = 70 expire; the 50 earned since stay").isEqualTo(50);
        assertThat(points.balance(spentAll)).as("nothing old was left").isZero();
        assertThat(points.balance(heldAndReleased)).as("a released hold used nothing").isZero();
        assertThat(jdbc.queryForObject("SELECT points_change FROM points_entry WHERE member_id = ? AND type = 'EXPIRE'", Long.class, spentSome))
                .isEqualTo(-70);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id IN (?, ?, ?) AND type = 'EXPIRE'", Integer.class,
                spentSome, spentAll, heldAndReleased)).as("booked once per member, none where nothing expired").isEqualTo(2);
    }
}
