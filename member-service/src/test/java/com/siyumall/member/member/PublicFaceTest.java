package com.siyumall.member.member;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** What strangers may see of a member: the first character of the nickname, then stars, and the avatar. */
class PublicFaceTest {

    private static Member named(String nickname) {
        Member member = new Member();
        member.describe(nickname, "https://img.test/a.jpg", null, (LocalDate) null);
        return member;
    }

    @Test
    void theNicknameIsMaskedAfterItsFirstCharacter() {
        assertThat(named("张三丰").publicFace().nickname()).isEqualTo("张**");
        assertThat(named("Alice").publicFace().nickname()).isEqualTo("A**");
        assertThat(named("😀笑").publicFace().nickname()).as("a surrogate pair stays whole").isEqualTo("😀**");
        assertThat(named("张三丰").publicFace().avatarUrl()).isEqualTo("https://img.test/a.jpg");
    }

    @Test
    void aMemberWithoutANicknameIsAPlainWechatUser() {
        assertThat(new Member().publicFace().nickname()).isEqualTo("微信用户");
        assertThat(named("  ").publicFace().nickname()).isEqualTo("微信用户");
    }
}
