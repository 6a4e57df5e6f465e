package com.siyumall.product.demo;

import com.siyumall.product.category.Category;
import com.siyumall.product.category.CategoryService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.util.List;
import java.util.Map;

/** Demo catalog for deploy/run-local.sh (profile {@code demo} only); loaded once, into an empty catalog. */
@Component
@Profile("demo")
class CatalogDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(CatalogDemoData.class);
    private static final Map<String, List<String>> TREE = Map.of(
            "女装", List.of("连衣裙", "针织衫", "外套"),
            "男装", List.of("衬衫", "夹克", "卫衣"),
            "鞋靴", List.of("运动鞋", "皮鞋"),
            "美妆个护", List.of("护肤", "彩妆"));

    private final CategoryService categories;

    CatalogDemoData(CategoryService categories) {
        this.categories = categories;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!categories.tree().isEmpty()) {
            return;
        }
        int order = 0;
        for (Map.Entry<String, List<String>> top : TREE.entrySet()) {
            Category parent = categories.create(top.getKey(), null, order++, null);
            int childOrder = 0;
            for (String child : top.getValue()) {
                categories.create(child, null, childOrder++, parent.getId());
            }
        }
        log.info("Demo catalog loaded: {} top-level categories", TREE.size());
    }
}
