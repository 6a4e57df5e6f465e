package com.siyumall.member.member;

import com.siyumall.common.web.PageQuery;
import com.siyumall.common.web.PageResult;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The merchant's members (MERCHANT and MERCHANT_OPERATOR, as every /admin read). */
@RestController
@Tag(name = "Members (merchant)")
class MemberAdminController {
    private final MemberDirectory directory;

    MemberAdminController(MemberDirectory directory) {
        this.directory = directory;
    }

    @GetMapping("/admin/members")
    @Operation(summary = "Members, newest first: keyword matches the phone's beginning or any part of the nickname; "
            + "level (a level code), tag and guideId (bound to that guide now) narrow the list")
    PageResult<MemberDirectory.MemberRow> search(@Valid PageQuery page,
                                                @RequestParam(required = false) @Size(min = 1, max = 32) String keyword,
                                                @RequestParam(required = false) @Pattern(regexp = "[A-Za-z0-9_-]{1,16}") String level,
                                                @RequestParam(required = false) @Size(min = 1, max = 32) String tag,
                                                @RequestParam(required = false) Long guideId) {
        return PageResult.of(directory.search(page, new MemberDirectory.Filter(blankToNull(keyword), level, tag, guideId)),
                row -> row);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.trim();
    }
}
