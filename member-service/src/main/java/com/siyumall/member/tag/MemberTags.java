package com.siyumall.member.tag;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.ErrorCode;
import com.siyumall.common.event.EventPublisher;
import com.siyumall.common.event.Topics;
import com.siyumall.common.security.CurrentPrincipal;
import com.siyumall.common.security.Role;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.apache.ibatis.annotations.Delete;
import org.apache.ibatis.annotations.Insert;
import org.apache.ibatis.annotations.Mapper;
import org.apache.ibatis.annotations.Param;
import org.apache.ibatis.annotations.Select;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Merchant tags on members (segments for subscription pushes and banners); every change publishes the whole set. */
final class MemberTags {
    private MemberTags() {}

    enum TagError implements ErrorCode {
        TAGGED_MEMBER_NOT_FOUND(HttpStatus.NOT_FOUND);

        private final HttpStatus status;

        TagError(HttpStatus status) {
            this.status = status;
        }

        @Override
        public HttpStatus status() {
            return status;
        }
    }

    @Mapper
    interface TagMapper {
        @Select("SELECT COUNT(*) FROM member WHERE id = #{memberId}")
        int members(long memberId);

        @Select("SELECT tag FROM member_tag WHERE member_id = #{memberId} ORDER BY tag")
        List<String> tagsOf(long memberId);

        @Delete("DELETE FROM member_tag WHERE member_id = #{memberId}")
        int clear(long memberId);

        @Insert("INSERT IGNORE INTO member_tag (member_id, tag, created_at) VALUES (#{memberId}, #{tag}, #{at})")
        int add(@Param("memberId") long memberId, @Param("tag") String tag, @Param("at") Instant at);
    }

    @Service
    static class Tagging {
        private final TagMapper tags;
        private final EventPublisher events;
        private final Clock clock;

        Tagging(TagMapper tags, EventPublisher events, Clock clock) {
            this.tags = tags;
            this.events = events;
            this.clock = clock;
        }

        List<String> tagsOf(long memberId) {
            requireMember(memberId);
            return tags.tagsOf(memberId);
        }

        @Transactional
        List<String> set(long memberId, List<String> newTags) {
            requireMember(memberId);
            tags.clear(memberId);
            Instant now = clock.instant();
            newTags.forEach(tag -> tags.add(memberId, tag, now));
            List<String> current = tags.tagsOf(memberId);
            events.publish(Topics.MEMBER_EVENTS, new MemberTagged(memberId, current));
            return current;
        }

        private void requireMember(long memberId) {
            if (tags.members(memberId) == 0) {
                throw new BusinessException(TagError.TAGGED_MEMBER_NOT_FOUND, memberId);
            }
        }
    }

    @RestController
    @Tag(name = "Members (merchant)")
    static class MemberTagController {
        private final Tagging tagging;

        MemberTagController(Tagging tagging) {
            this.tagging = tagging;
        }

        record TagsRequest(@NotNull @Size(max = 20) List<@NotNull @Pattern(regexp = "[\\p{L}\\p{N}_-]{1,32}") String> tags) {}

        record Tags(List<String> tags) {}

        @GetMapping("/admin/members/{memberId}/tags")
        Tags tags(@PathVariable long memberId) {
            return new Tags(tagging.tagsOf(memberId));
        }

        @PutMapping("/admin/members/{memberId}/tags")
        @Operation(summary = "Replace the member's tags (segments for pushes and banners)")
        Tags set(@PathVariable long memberId, @Valid @RequestBody TagsRequest request) {
            CurrentPrincipal.require(Role.MERCHANT);
            return new Tags(tagging.set(memberId, request.tags()));
        }
    }
}
