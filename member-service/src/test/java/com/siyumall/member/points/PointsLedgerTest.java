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
class PointsLedgerTest {
    @Autowired
    PointsService points;
    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aHundredParallelSpendsAgainstABalanceCoveringTenLetExactlyTenThroughAndNeverGoBelowZero() throws Exception {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        points.earn(member, 100, "TEST_GRANT", "g1");
        ExecutorService pool = Executors.newFixedThreadPool(32);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Boolean>> spends = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            String ref = "s" + i;
            spends.add(pool.submit(() -> {
                start.await();
                try {
                    return points.spend(member, 10, "TEST_SPEND", ref);
                } catch (BusinessException e) {
                    assertThat(e.errorCode().code()).isEqualTo("POINTS_INSUFFICIENT");
                    return false;
                }
            }));
        }
        start.countDown();
        int spent = 0;
        for (Future<Boolean> spend : spends) {
            spent += spend.get() ? 1 : 0;
        }
        pool.shutdown();

        assertThat(spent).isEqualTo(10);
        assertThat(points.balance(member)).isZero();
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM points_entry WHERE member_id = ? AND type = 'SPEND'", Integer.class, member))
                .as("a refused spend leaves no ledger line").isEqualTo(10);
        assertThat(jdbc.queryForObject("SELECT MIN(balance_after) FROM points_entry WHERE member_id = ?", Long.class, member)).isZero();
    }

    @Test
    void theSameCauseIsPaidOnceAndTheLedgerTellsTheBalanceAfterEachLine() {
        long member = ThreadLocalRandom.current().nextLong(1_000_000, Long.MAX_VALUE / 2);
        assertThat(points.earn(member, 30, "ORDER_PAID", "O1")).isTrue();
        assertThat(points.earn(member, 30, "ORDER_PAID", "O1")).as("the same event again").isFalse();
        points.spend(member, 12, "EXCHANGE", "X1");

        assertThat(points.balance(member)).isEqualTo(18);
        assertThat(points.ledger(member, new com.siyumall.common.web.PageQuery(1, 10)).getRecords())
                .extracting(PointsEntry::balanceAfter).containsExactly(18L, 30L);
        assertThatThrownBy(() -> points.spend(member, 19, "EXCHANGE", "X2")).hasMessage("POINTS_INSUFFICIENT");
        assertThat(points.balance(member)).isEqualTo(18);
    }
}
