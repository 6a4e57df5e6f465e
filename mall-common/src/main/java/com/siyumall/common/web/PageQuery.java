package com.siyumall.common.web;

import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;

/** Paging parameters of a list request: page from 1, size 1..100, 20 by default. */
public record PageQuery(@Min(1) Integer page, @Min(1) @Max(100) Integer size) {

    public long pageOrDefault() {
        return page == null ? 1 : page;
    }

    public long sizeOrDefault() {
        return size == null ? 20 : size;
    }

    public <T> Page<T> toPage() {
        return Page.of(pageOrDefault(), sizeOrDefault());
    }
}
