package com.siyumall.insight.demo;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SyntheticMallTest {
    private static final LocalDate FIRST = LocalDate.of(2020, 1, 1);

    @Test
    void theSameSeedGivesTheSameHistoryAndAnotherSeedAnother() {
        assertThat(SyntheticMall.generate(7, 1, 200, FIRST, 30)).isEqualTo(SyntheticMall.generate(7, 1, 200, FIRST, 30));
        assertThat(SyntheticMall.generate(8, 1, 200, FIRST, 30)).isNotEqualTo(SyntheticMall.generate(7, 1, 200, FIRST, 30));
    }

    @Test
    void everyFactFollowsItsMembersRegistrationStaysInThePeriodAndHasItsOwnId() {
        SyntheticMall.History history = SyntheticMall.generate(7, 1_000, 300, FIRST, 30);
        Map<Long, SyntheticMall.Member> members = history.members().stream()
                .collect(Collectors.toMap(SyntheticMall.Member::id, Function.identity()));
        assertThat(members).hasSize(300);
        assertThat(history.members()).allSatisfy(m -> assertThat(m.day()).isBetween(FIRST, FIRST.plusDays(29)));
        assertThat(history.events()).allSatisfy(e -> {
            assertThat(e.at()).isAfter(members.get(e.memberId()).registeredAt());
            assertThat(e.day()).isBetween(FIRST, FIRST.plusDays(29));
        });
        assertThat(history.orders()).allSatisfy(o -> assertThat(o.paidAt()).isAfter(members.get(o.memberId()).registeredAt()));
        assertThat(history.events().stream().map(SyntheticMall.Event::eventId).distinct().count()).isEqualTo(history.events().size());
        assertThat(history.orders().stream().map(SyntheticMall.Order::orderNo).distinct().count()).isEqualTo(history.orders().size());
        assertThat(history.members()).filteredOn(m -> m.inviterId() != null)
                .allSatisfy(m -> assertThat(m.inviterId()).isLessThan(m.id()));
    }
}
