package com.siyumall.product.category;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.siyumall.common.error.BusinessException;

import java.time.Instant;

/** A node of the category tree. A category knows how deep it may be and whose child it may become. */
@TableName("category")
public class Category {
    public static final int MAX_LEVEL = 3;

    private Long id;
    private Long parentId;
    private String name;
    private String iconUrl;
    private Integer level;
    private Integer sortOrder;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    /** A top-level category. */
    public static Category root(String name, String iconUrl, int sortOrder) {
        Category category = new Category();
        category.name = name;
        category.iconUrl = iconUrl;
        category.sortOrder = sortOrder;
        category.level = 1;
        return category;
    }

    /** A child of this category; refused below the third level. */
    public Category newChild(String name, String iconUrl, int sortOrder) {
        if (level >= MAX_LEVEL) {
            throw new BusinessException(CategoryError.CATEGORY_TOO_DEEP, MAX_LEVEL);
        }
        Category child = root(name, iconUrl, sortOrder);
        child.parentId = id;
        child.level = level + 1;
        return child;
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getParentId() { return parentId; }
    public void setParentId(Long parentId) { this.parentId = parentId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getIconUrl() { return iconUrl; }
    public void setIconUrl(String iconUrl) { this.iconUrl = iconUrl; }
    public Integer getLevel() { return level; }
    public void setLevel(Integer level) { this.level = level; }
    public Integer getSortOrder() { return sortOrder; }
    public void setSortOrder(Integer sortOrder) { this.sortOrder = sortOrder; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
