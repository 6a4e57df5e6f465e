package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.core.conditions.query.LambdaQueryWrapper;
import com.baomidou.mybatisplus.core.metadata.IPage;
import com.siyumall.common.persistence.LikeText;
import com.siyumall.common.web.PageQuery;
import org.springframework.stereotype.Service;

import java.util.List;

/** The merchant console's reads: straight from MySQL, every status, no caches. */
@Service
class AdminProducts {
    private final SpuMapper spus;
    private final SkuMapper skus;

    AdminProducts(SpuMapper spus, SkuMapper skus) {
        this.spus = spus;
        this.skus = skus;
    }

    IPage<Spu> page(PageQuery page, Spu.Status status, Long categoryId, String keyword) {
        return spus.selectPage(page.toPage(), new LambdaQueryWrapper<Spu>()
                .eq(status != null, Spu::getStatus, status)
                .eq(categoryId != null, Spu::getCategoryId, categoryId)
                .like(keyword != null && !keyword.isBlank(), Spu::getName, keyword == null ? null : LikeText.literal(keyword))
                .orderByDesc(Spu::getId));
    }

    List<Sku> skusOf(long spuId) {
        return skus.selectList(new LambdaQueryWrapper<Sku>().eq(Sku::getSpuId, spuId).orderByAsc(Sku::getId));
    }
}
