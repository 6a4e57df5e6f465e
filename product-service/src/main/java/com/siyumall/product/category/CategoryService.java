package com.siyumall.product.category;

import com.siyumall.common.persistence.AfterCommit;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.siyumall.common.error.BusinessException;
import com.siyumall.common.persistence.RedisKeys;
import org.redisson.api.RBucket;
import org.redisson.api.RedissonClient;
import org.redisson.client.codec.StringCodec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** The category tree: read from a Redis copy while it is fresh, rebuilt from MySQL when a merchant changes it. */
@Service
public class CategoryService {
    static final String CACHE_NAME = "product:category-tree:v1";
    private static final Duration CACHE_TTL = Duration.ofMinutes(10);
    private static final Logger log = LoggerFactory.getLogger(CategoryService.class);

    private final CategoryMapper categories;
    private final RedissonClient redis;
    private final ObjectMapper json;
    private final String cacheKey;

    CategoryService(CategoryMapper categories, RedissonClient redis, ObjectMapper json, RedisKeys keys) {
        this.categories = categories;
        this.redis = redis;
        this.json = json;
        this.cacheKey = keys.key(CACHE_NAME);
    }

    public List<CategoryNode> tree() {
        RBucket<String> cached = redis.getBucket(cacheKey, StringCodec.INSTANCE);
        String hit = cached.get();
        if (hit != null) {
            try {
                return json.readValue(hit, new TypeReference<>() {});
            } catch (JsonProcessingException e) {
                log.warn("Dropping an unreadable category cache entry: {}", e.getOriginalMessage());
            }
        }
        List<CategoryNode> tree = CategoryNode.treeOf(categories.selectList(null));
        try {
            cached.set(json.writeValueAsString(tree), CACHE_TTL);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return tree;
    }

    /** The category with everything below it (for "products in this category"), read from the cached tree. */
    public Optional<CategoryNode> find(long categoryId) {
        return find(tree(), categoryId);
    }

    private static Optional<CategoryNode> find(List<CategoryNode> nodes, long categoryId) {
        for (CategoryNode node : nodes) {
            if (node.id() == categoryId) {
                return Optional.of(node);
            }
            Optional<CategoryNode> below = find(node.children(), categoryId);
            if (below.isPresent()) {
                return below;
            }
        }
        return Optional.empty();
    }

    @Transactional
    public Category create(String name, String iconUrl, int sortOrder, Long parentId) {
        Category category;
        if (parentId == null) {
            category = Category.root(name, iconUrl, sortOrder);
        } else {
            Category parent = categories.selectById(parentId);
            if (parent == null) {
                throw new BusinessException(CategoryError.PARENT_CATEGORY_NOT_FOUND, String.valueOf(parentId));
            }
            category = parent.newChild(name, iconUrl, sortOrder);
        }
        categories.insert(category);
        evictAfterCommit();
        return category;
    }

    private void evictAfterCommit() {
        AfterCommit.run(() -> redis.getBucket(cacheKey, StringCodec.INSTANCE).delete());
    }
}
