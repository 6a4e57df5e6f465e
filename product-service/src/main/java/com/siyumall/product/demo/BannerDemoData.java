package com.siyumall.product.demo;

import com.siyumall.common.web.PageQuery;
import com.siyumall.product.banner.Audience;
import com.siyumall.product.banner.Banner;
import com.siyumall.product.banner.BannerService;
import com.siyumall.product.catalog.ProductQueries;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Demo banners (profile {@code demo} only), one per audience, after the demo catalog; loaded once, into no banners. */
@Component
@Profile("demo")
@Order(2)
class BannerDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(BannerDemoData.class);

    private final BannerService banners;
    private final ProductQueries products;
    private final Clock clock;

    BannerDemoData(BannerService banners, ProductQueries products, Clock clock) {
        this.banners = banners;
        this.products = products;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (banners.page(new PageQuery(1, 1), null).getTotal() > 0) {
            return;
        }
        List<ProductQueries.ProductSummary> items = products.list(null, null, ProductQueries.Sort.SALES, new PageQuery(1, 10)).items();
        String product = items.isEmpty() ? "/pages/home" : items.get(0).spuId().toString();
        Instant from = clock.instant().minus(Duration.ofDays(1));
        Instant to = clock.instant().plus(Duration.ofDays(90));
        create("HOME_TOP", "冬季上新", Banner.LinkType.PAGE, "/pages/new-arrivals", from, to, 0, Audience.ALL, null, null, null);
        create("HOME_TOP", "新人专享：首单立减", Banner.LinkType.ACTIVITY, "first-purchase", from, to, 1, Audience.NEW_MEMBER, 7, null, null);
        create("HOME_TOP", "首购特价", Banner.LinkType.PRODUCT, product, from, to, 2, Audience.FIRST_PURCHASE_ELIGIBLE, null, null, null);
        create("HOME_TOP", "金卡会员日", Banner.LinkType.PAGE, "/pages/member-day", from, to, 3, Audience.LEVEL_AT_LEAST, null, 2, null);
        create("HOME_GRID", "VIP 私享", Banner.LinkType.PAGE, "/pages/vip", from, to, 0, Audience.SEGMENT, null, null, "vip");
        create("HOME_GRID", "热卖榜", Banner.LinkType.PAGE, "/pages/ranking", from, to, 1, Audience.ALL, null, null, null);
        create("CATEGORY_TOP", "美妆节", Banner.LinkType.CATEGORY, "美妆个护", from, to, 0, Audience.ALL, null, null, null);
        log.info("Demo banners loaded: HOME_TOP, HOME_GRID and CATEGORY_TOP, one per audience");
    }

    private void create(String position, String title, Banner.LinkType type, String target, Instant from, Instant to, int order,
                        Audience audience, Integer days, Integer rank, String tag) {
        banners.create(new BannerService.Definition(position, title, "https://img.siyumall.dev/demo/banner-" + position.toLowerCase()
                + "-" + order + ".jpg", type, target, from, to, order, audience, days, rank, tag), 0L);
    }
}
