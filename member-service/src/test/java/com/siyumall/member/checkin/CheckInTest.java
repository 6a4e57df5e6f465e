package com.siyumall.member.checkin;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.member.MemberApi;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.jdbc.core.JdbcTemplate;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class CheckInTest {
    @Autowired
    TestRestTemplate http;
    @Autowired
    JdbcTemplate jdbc;
    @Autowired
    Clock clock;
    MemberApi api;

    @BeforeEach
    void setUp() {
        api = new MemberApi(http);
    }

    private void checkedInOn(String memberId, LocalDate day, int streak) {
        jdbc.update("INSERT INTO check_in (member_id, day, streak, points, growth, created_at) VALUES (?, ?, ?, 0, 0, NOW(3))",
                Long.valueOf(memberId), day, streak);
    }

    @Test
    void eightCheckInsAtOnceOnOneDayAwardOnce() throws Exception {
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        ExecutorService pool = Executors.newFixedThreadPool(8);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<MemberApi.Reply>> replies = new ArrayList<>();
        for (int i = 0; i < 8; i++) {
            replies.add(pool.submit(() -> {
                start.await();
                return api.post("/api/check-ins", member.text("accessToken"), null);
            }));
        }
        start.countDown();
        int awarded = 0;
        for (Future<MemberApi.Reply> reply : replies) {
            MemberApi.Reply r = reply.get();
            if (r.status() == 200) {
                awarded++;
                assertThat(r.body().path("streak").asInt()).isEqualTo(1);
                assertThat(r.body().path("pointsAwarded").asLong()).isEqualTo(5);
            } else {
                assertThat(r.code()).isEqualTo("ALREADY_CHECKED_IN");
            }
        }
        pool.shutdown();

        assertThat(awarded).isEqualTo(1);
        MemberApi.Reply me = api.get("/api/members/me", member.text("accessToken"));
        assertThat(me.body().path("points").asLong()).isEqualTo(5);
        assertThat(me.body().path("growthValue").asLong()).isEqualTo(1);
        assertThat(api.get("/api/points/ledger", member.text("accessToken")).body().path("items")).hasSize(1);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM outbox_event WHERE event_type = 'MemberCheckedIn' AND event_key = ?",
                Integer.class, member.text("memberId"))).as("the one check-in announced once").isEqualTo(1);
    }

    @Test
    void aCheckInRetriedWithItsKeyAnswersTheFirstResultNotAlreadyCheckedIn() {
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        String token = member.text("accessToken");
        String key = UUID.randomUUID().toString();

        MemberApi.Reply first = api.call(HttpMethod.POST, "/api/check-ins", token, null, key);
        MemberApi.Reply retried = api.call(HttpMethod.POST, "/api/check-ins", token, null, key);
        MemberApi.Reply anotherTap = api.call(HttpMethod.POST, "/api/check-ins", token, null, UUID.randomUUID().toString());

        assertThat(first.status()).isEqualTo(200);
        assertThat(retried.status()).isEqualTo(200);
        assertThat(retried.body()).isEqualTo(first.body());
        assertThat(anotherTap.code()).isEqualTo("ALREADY_CHECKED_IN");
        assertThat(api.get("/api/members/me", token).body().path("points").asLong()).isEqualTo(first.body().path("pointsAwarded").asLong());
    }

    @Test
    void theStreakGrowsDayByDayAlongTheTableAndResetsAfterAMissedDay() {
        LocalDate today = BusinessTime.today(clock);
        MemberApi.Reply regular = api.wechatLogin(MemberApi.newWechatUser());
        checkedInOn(regular.text("memberId"), today.minusDays(1), 6);
        MemberApi.Reply seventh = api.post("/api/check-ins", regular.text("accessToken"), null);
        assertThat(seventh.body().path("streak").asInt()).isEqualTo(7);
        assertThat(seventh.body().path("pointsAwarded").asLong()).isEqualTo(30);

        MemberApi.Reply lapsed = api.wechatLogin(MemberApi.newWechatUser());
        checkedInOn(lapsed.text("memberId"), today.minusDays(2), 5);
        MemberApi.Reply again = api.post("/api/check-ins", lapsed.text("accessToken"), null);
        assertThat(again.body().path("streak").asInt()).isEqualTo(1);
        assertThat(again.body().path("day").asText()).isEqualTo(today.toString());

        MemberApi.Reply veteran = api.wechatLogin(MemberApi.newWechatUser());
        checkedInOn(veteran.text("memberId"), today.minusDays(1), 40);
        assertThat(api.post("/api/check-ins", veteran.text("accessToken"), null).body().path("pointsAwarded").asLong())
                .as("beyond the table the last day's reward").isEqualTo(30);
    }

    @Test
    void theCalendarShowsTheMonthsCheckInsTodaysStateAndWhatTheNextCheckInEarns() {
        MemberApi.Reply member = api.wechatLogin(MemberApi.newWechatUser());
        String token = member.text("accessToken");
        LocalDate today = BusinessTime.today(clock);
        List<Long> rewards = jdbc.queryForList("SELECT points FROM check_in_rule ORDER BY streak_day", Long.class);
        checkedInOn(member.text("memberId"), today.minusDays(1), 1);

        MemberApi.Reply before = api.get("/api/check-ins/calendar", token);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.text("month")).isEqualTo(java.time.YearMonth.from(today).toString());
        assertThat(before.body().path("checkedInToday").asBoolean()).isFalse();
        assertThat(before.body().path("streak").asInt()).as("yesterday's streak still stands").isEqualTo(1);
        assertThat(before.body().path("nextStreak").asInt()).isEqualTo(2);
        assertThat(before.body().path("nextPoints").asLong()).isEqualTo(rewards.get(Math.min(1, rewards.size() - 1)));

        assertThat(api.post("/api/check-ins", token, null).body().path("streak").asInt()).isEqualTo(2);
        MemberApi.Reply after = api.get("/api/check-ins/calendar?month=" + java.time.YearMonth.from(today), token);
        assertThat(after.body().path("checkedInToday").asBoolean()).isTrue();
        assertThat(after.body().path("streak").asInt()).isEqualTo(2);
        assertThat(after.body().path("nextStreak").asInt()).as("tomorrow's, if the streak goes on").isEqualTo(3);
        assertThat(after.body().path("days").findValuesAsText("day")).contains(today.toString());
        assertThat(after.body().path("days").findValuesAsText("day")).allMatch(d -> d.startsWith(java.time.YearMonth.from(today).toString()));

        assertThat(api.get("/api/check-ins/calendar?month=2020-01", token).body().path("days")).isEmpty();
        assertThat(api.get("/api/check-ins/calendar?month=2026-13", token).status()).isEqualTo(400);
        assertThat(api.get("/api/check-ins/calendar?month=soon", token).status()).isEqualTo(400);
    }
}
