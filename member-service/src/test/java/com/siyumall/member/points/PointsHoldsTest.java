package com.siyumall.member.points;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.testsupport.MallIntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class PointsHoldsTest {
    @Autowired
    PointsHolds holds;
    @Autowired
    PointsService points;
    @Autowired
    JdbcTemplate jdbc;

    private static long someMember() {
        return ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
    }

    @Test
    void heldPointsLeaveTheBalanceReturnOnCancelAndComeBackInShareOnRefund() {
        long member = someMember();
        points.earn(member, 1_000, "TEST_GRANT", "g");

        holds.hold(member, "H1-" + member, 300);
        holds.hold(member, "H1-" + member, 300);
        assertThat(points.balance(member)).as("the repeated hold changed nothing").isEqualTo(700);
        assertThatThrownBy(() -> holds.hold(member, "H1-" + member, 200)).hasMessage("POINTS_HOLD_CONFLICT");
        holds.release("H1-" + member);
        holds.release("H1-" + member);
        assertThat(points.balance(member)).as("released once").isEqualTo(1_000);

        String paid = "H2-" + member;
        holds.hold(member, paid, 400);
        holds.confirm(paid);
        holds.release(paid);
        assertThat(points.balance(member)).as("points of a paid order are not released").isEqualTo(600);
        holds.refunded(paid, "R1-" + member, 2_500, 10_000, false);
        assertThat(points.balance(member)).as("a quarter refunded returns a quarter").isEqualTo(700);
        holds.refunded(paid, "R2-" + member, 7_500, 10_000, true);
        holds.refunded(paid, "R2-" + member, 7_500, 10_000, true);
        assertThat(points.balance(member)).as("the rest on the final refund, once").isEqualTo(1_000);
        assertThat(jdbc.queryForList("SELECT type FROM points_entry WHERE member_id = ? ORDER BY created_at, id", String.class, member))
                .containsExactly("EARN", "HOLD", "RELEASE", "HOLD", "RELEASE", "RELEASE");
    }

    @Test
    void fiftyOrdersHoldingAtOnceAgainstABalanceForFiveHoldExactlyFive() throws Exception {
        long member = someMember();
        points.earn(member, 500, "TEST_GRANT", "g");
        ExecutorService pool = Executors.newFixedThreadPool(25);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> attempts = new ArrayList<>();
        for (int i = 0; i < 50; i++) {
            String orderNo = "HC" + i + "-" + member;
            attempts.add(pool.submit(() -> {
                start.await();
                try {
                    holds.hold(member, orderNo, 100);
                    return true;
                } catch (BusinessException e) {
                    assertThat(e.errorCode().code()).isEqualTo("POINTS_INSUFFICIENT");
                    return false;
                }
            }));
        }
        start.countDown();
        int held = 0;
        for (Future<Boolean> attempt : attempts) {
            held += attempt.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(held).isEqualTo(5);
        assertThat(points.balance(member)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_hold WHERE member_id = ?", Integer.class, member))
                .as("a refused hold leaves no hold behind").isEqualTo(5);
    }
}
