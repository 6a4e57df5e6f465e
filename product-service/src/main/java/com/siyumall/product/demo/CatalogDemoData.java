package com.siyumall.product.demo;

import com.siyumall.product.catalog.CatalogService;
import com.siyumall.common.web.PageQuery;
import com.siyumall.product.catalog.ProductQueries;
import com.siyumall.product.category.CategoryNode;
import com.siyumall.product.category.CategoryService;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Demo catalog for deploy/run-local.sh (profile {@code demo} only), loaded once, when no product is on the shelf: four top-level
 * categories, 34 products with colour/size SKUs and stock, every sixth one coming soon (launching in two days).
 */
@Component
@Profile("demo")
@Order(1)
class CatalogDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);
    private static final Map<String, Map<String, List<String>>> CATALOG = new LinkedHashMap<>();

    static {
        CATALOG.put("女装", Map.of(
                "连衣裙", List.of("碎花雪纺连衣裙", "法式方领连衣裙", "针织修身长裙", "真丝吊带裙"),
                "针织衫", List.of("羊毛圆领针织衫", "马海毛开衫", "条纹短袖针织衫"),
                "外套", List.of("双面羊绒大衣", "短款牛仔外套")));
        CATALOG.put("男装", Map.of(
                "衬衫", List.of("牛津纺长袖衬衫", "亚麻休闲衬衫", "免烫商务衬衫"),
                "夹克", List.of("工装夹克", "棒球夹克", "防风连帽夹克"),
                "卫衣", List.of("重磅圆领卫衣", "连帽抓绒卫衣", "华夫格卫衣")));
        CATALOG.put("鞋靴", Map.of(
                "运动鞋", List.of("轻量跑步鞋", "复古板鞋", "透气网面训练鞋", "厚底老爹鞋"),
                "皮鞋", List.of("牛皮德比鞋", "乐福鞋", "切尔西短靴")));
        CATALOG.put("美妆个护", Map.of(
                "护肤", List.of("玻尿酸保湿精华", "烟酰胺焕亮面霜", "氨基酸洁面乳", "防晒乳 SPF50"),
                "彩妆", List.of("丝绒哑光口红", "持妆粉底液", "四色眼影盘", "定妆散粉", "自然卷翘睫毛膏")));
    }

    private final CategoryService categories;
    private final CatalogService catalog;
    private final ProductQueries products;
    private final Clock clock;

    CatalogDemoData(CategoryService categories, CatalogService catalog, ProductQueries products, Clock clock) {
        this.categories = categories;
        this.catalog = catalog;
        this.products = products;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (products.list(null, null, ProductQueries.Sort.SALES, new PageQuery(1, 1)).total() > 0) {
            return;
        }
        Instant soon = clock.instant().plus(Duration.ofDays(2));
        int order = 0;
        int products = 0;
        for (Map.Entry<String, Map<String, List<String>>> top : CATALOG.entrySet()) {
            long parent = categoryNamed(categories.tree(), top.getKey(), null, order++);
            int childOrder = 0;
            for (Map.Entry<String, List<String>> child : new TreeMap<>(top.getValue()).entrySet()) {
                List<CategoryNode> siblings = categories.find(parent).map(CategoryNode::children).orElse(List.of());
                long leaf = categoryNamed(siblings, child.getKey(), parent, childOrder++);
                for (String name : child.getValue()) {
                    products++;
                    boolean cosmetics = top.getKey().equals("美妆个护");
                    long price = 5_900 + (products * 3_700L) % 60_000;
                    catalog.create(new CatalogService.ProductInfo(leaf, name, top.getKey() + " · " + child.getKey(),
                                    name + "，SiyuMall 演示商品。", List.of(image(products, 1), image(products, 2)),
                                    products % 5 == 0 ? List.of("新品", "热卖") : List.of("热卖"),
                                    products % 6 == 0 ? soon : null),
                            cosmetics ? volumes(price) : colourSizes(price, products), true);
                }
            }
        }
        log.info("Demo catalog loaded: {} top-level categories, {} products", CATALOG.size(), products);
    }

    /** The category of that name among {@code siblings}, made when missing (an earlier demo run may have left it). */
    private long categoryNamed(List<CategoryNode> siblings, String name, Long parentId, int sortOrder) {
        return siblings.stream().filter(c -> c.name().equals(name)).map(CategoryNode::id).findFirst()
                .orElseGet(() -> categories.create(name, null, sortOrder, parentId).getId());
    }

    private static String image(int product, int n) {
        return "https://img.siyumall.dev/demo/" + product + "-" + n + ".jpg";
    }

    private static List<CatalogService.NewSku> colourSizes(long price, int product) {
        List<CatalogService.NewSku> skus = new ArrayList<>();
        for (String colour : List.of("黑色", "米白")) {
            for (String size : List.of("S", "M", "L")) {
                skus.add(new CatalogService.NewSku(Map.of("颜色", colour, "尺码", size), price, price + price / 2, null, 500,
                        product % 7 == 0 ? 3 : 50 + product, 5));
            }
        }
        return skus;
    }

    private static List<CatalogService.NewSku> volumes(long price) {
        return List.of(
                new CatalogService.NewSku(Map.of("规格", "30ml"), price, price + 2_000, null, 120, 200, 10),
                new CatalogService.NewSku(Map.of("规格", "50ml"), price + 4_000, price + 8_000, null, 180, 120, 10));
    }
}
