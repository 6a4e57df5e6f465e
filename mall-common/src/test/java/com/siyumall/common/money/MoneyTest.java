package com.siyumall.common.money;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class MoneyTest {
    @Test
    void fenBecomeYuanWithTwoDecimalsWhateverTheSign() {
        assertThat(Money.yuan(12_345)).isEqualTo("123.45");
        assertThat(Money.yuan(100)).isEqualTo("1.00");
        assertThat(Money.yuan(7)).isEqualTo("0.07");
        assertThat(Money.yuan(-5)).isEqualTo("-0.05");
        assertThat(Money.yuan(0)).isEqualTo("0.00");
    }
}
