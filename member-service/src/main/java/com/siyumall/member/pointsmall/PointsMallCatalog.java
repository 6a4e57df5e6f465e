package com.siyumall.member.pointsmall;

import com.baomidou.mybatisplus.core.metadata.IPage;
import com.baomidou.mybatisplus.core.toolkit.IdWorker;
import com.baomidou.mybatisplus.extension.plugins.pagination.Page;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.web.PageQuery;
import org.springframework.stereotype.Service;

import java.time.Clock;

/** The merchant's side of the points mall: items, their shelf status and stock. */
@Service
class PointsMallCatalog {
    private final PointsMallMapper mall;
    private final PointsExchanges exchanges;
    private final Clock clock;

    PointsMallCatalog(PointsMallMapper mall, PointsExchanges exchanges, Clock clock) {
        this.mall = mall;
        this.exchanges = exchanges;
        this.clock = clock;
    }

    PointsMallItem create(PointsMallItem item, long merchantId) {
        long id = IdWorker.getId();
        mall.insertItem(id, item, merchantId, clock.instant());
        return mall.item(id);
    }

    IPage<PointsMallItem> items(PointsMallItem.Status status, PageQuery page) {
        return mall.items(new Page<>(page.pageOrDefault(), page.sizeOrDefault()), status == null ? null : status.name());
    }

    PointsMallItem setStatus(long itemId, PointsMallItem.Status status) {
        exchanges.item(itemId);
        mall.setStatus(itemId, status.name(), clock.instant());
        return mall.item(itemId);
    }

    PointsMallItem addStock(long itemId, int delta) {
        exchanges.item(itemId);
        if (mall.addStock(itemId, delta, clock.instant()) == 0) {
            throw new BusinessException(PointsMallError.ITEM_INVALID, "stock cannot go below what is left");
        }
        return mall.item(itemId);
    }
}
