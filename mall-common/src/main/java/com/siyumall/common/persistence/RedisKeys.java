package com.siyumall.common.persistence;

/**
 * Every Redis key of the mall starts with its environment's namespace (the database prefix: {@code siyumall} for a
 * running mall, {@code siyumall_test_...} for a test run), so tests and a local mall can share one Redis server.
 */
public final class RedisKeys {
    private final String namespace;

    public RedisKeys(String namespace) {
        this.namespace = namespace;
    }

    /** {@code key("product:category-tree:v1")} gives {@code <namespace>:product:category-tree:v1}. */
    public String key(String name) {
        return namespace + ":" + name;
    }
}
