package com.siyumall.product.sales;

import org.springframework.stereotype.Service;

import java.time.LocalDate;
import java.util.List;

/** Rankings read from the sales counters. */
@Service
class SalesRanking {
    private final SalesMapper sales;

    SalesRanking(SalesMapper sales) {
        this.sales = sales;
    }

    List<SalesMapper.ProductRank> products(LocalDate from, LocalDate to, List<Long> categoryIds, boolean byGmv, int limit) {
        return sales.rankProducts(from, to, categoryIds, byGmv, limit);
    }

    List<SalesMapper.MemberRank> members(boolean byGmv, int limit) {
        return sales.rankMembers(byGmv, limit);
    }
}
