package com.siyumall.product.category;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** A category with its children, as the mini-program shows the tree. */
public record CategoryNode(long id, String name, String iconUrl, int level, int sortOrder, List<CategoryNode> children) {

    /** Builds the tree from flat rows: children under their parents, each level by sort order then id. */
    static List<CategoryNode> treeOf(List<Category> rows) {
        Map<Long, List<Category>> byParent = new HashMap<>();
        for (Category row : rows) {
            byParent.computeIfAbsent(row.getParentId() == null ? 0L : row.getParentId(), k -> new ArrayList<>()).add(row);
        }
        return childrenOf(0L, byParent);
    }

    private static List<CategoryNode> childrenOf(long parentId, Map<Long, List<Category>> byParent) {
        return byParent.getOrDefault(parentId, List.of()).stream()
                .sorted(Comparator.comparing(Category::getSortOrder).thenComparing(Category::getId))
                .map(c -> new CategoryNode(c.getId(), c.getName(), c.getIconUrl(), c.getLevel(), c.getSortOrder(),
                        childrenOf(c.getId(), byParent)))
                .toList();
    }

    /** This category's id and those of everything below it. */
    public List<Long> selfAndDescendantIds() {
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        children.forEach(child -> ids.addAll(child.selfAndDescendantIds()));
        return ids;
    }
}
