package com.siyumall.common.web;

import com.baomidou.mybatisplus.core.metadata.IPage;

import java.util.List;
import java.util.function.Function;

/** The one list shape of the API: {@code {"items": [...], "page": 1, "size": 20, "total": 123}}. */
public record PageResult<T>(List<T> items, long page, long size, long total) {

    public static <E, T> PageResult<T> of(IPage<E> page, Function<E, T> mapper) {
        return new PageResult<>(page.getRecords().stream().map(mapper).toList(), page.getCurrent(), page.getSize(), page.getTotal());
    }
}
