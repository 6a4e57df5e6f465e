package com.siyumall.product.catalog;

import com.baomidou.mybatisplus.annotation.FieldFill;
import com.baomidou.mybatisplus.annotation.TableField;
import com.baomidou.mybatisplus.annotation.TableName;
import com.baomidou.mybatisplus.annotation.Version;
import com.baomidou.mybatisplus.extension.handlers.JacksonTypeHandler;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A product as shoppers browse it. On the shelf it is visible; with a launch time in the future it is "coming soon"
 * (visible, not buyable) and goes on sale by itself when the time comes; for a while after that it is a new arrival.
 */
@TableName(value = "spu", autoResultMap = true)
public class Spu {
    public enum Status { OFF_SHELF, ON_SHELF }

    private Long id;
    private Long categoryId;
    private String name;
    private String subtitle;
    private String description;
    private String mainImage;
    @TableField(typeHandler = JacksonTypeHandler.class)
    private List<String> images;
    private String tags;
    private Status status;
    private Instant launchAt;
    private Instant onSaleSince;
    private Long minPrice;
    private Long sales;
    @Version
    private Integer version;
    @TableField(fill = FieldFill.INSERT)
    private Instant createdAt;
    @TableField(fill = FieldFill.INSERT_UPDATE)
    private Instant updatedAt;

    static Spu draft(long categoryId, String name, String subtitle, String description, List<String> images,
                     List<String> tags, Instant launchAt) {
        Spu spu = new Spu();
        spu.status = Status.OFF_SHELF;
        spu.sales = 0L;
        spu.version = 0;
        spu.describe(categoryId, name, subtitle, description, images, tags, launchAt);
        return spu;
    }

    void describe(long categoryId, String name, String subtitle, String description, List<String> images,
                  List<String> tags, Instant launchAt) {
        this.categoryId = categoryId;
        this.name = name;
        this.subtitle = subtitle;
        this.description = description;
        this.images = List.copyOf(images);
        this.mainImage = images.get(0);
        this.tags = String.join(",", tags);
        this.launchAt = launchAt;
        if (onSaleSince != null && launchAt != null && launchAt.isAfter(onSaleSince)) {
            onSaleSince = launchAt;
        }
    }

    /** Shelved: visible from now, buyable from its launch time (if any). */
    void putOnShelf(Instant now) {
        status = Status.ON_SHELF;
        if (onSaleSince == null) {
            onSaleSince = launchAt != null && launchAt.isAfter(now) ? launchAt : now;
        }
    }

    void takeOffShelf() {
        status = Status.OFF_SHELF;
    }

    public boolean isVisible() {
        return status == Status.ON_SHELF;
    }

    public boolean isComingSoonAt(Instant now) {
        return isVisible() && launchAt != null && launchAt.isAfter(now);
    }

    public boolean isBuyableAt(Instant now) {
        return isVisible() && !isComingSoonAt(now);
    }

    /** Flagged as new for {@code newFor} after it went on sale. */
    public boolean isNewAt(Instant now, Duration newFor) {
        return isBuyableAt(now) && onSaleSince != null && now.isBefore(onSaleSince.plus(newFor));
    }

    public List<String> tagList() {
        return tags == null || tags.isBlank() ? List.of() : Arrays.asList(tags.split(","));
    }

    public Long getId() { return id; }
    public void setId(Long id) { this.id = id; }
    public Long getCategoryId() { return categoryId; }
    public void setCategoryId(Long categoryId) { this.categoryId = categoryId; }
    public String getName() { return name; }
    public void setName(String name) { this.name = name; }
    public String getSubtitle() { return subtitle; }
    public void setSubtitle(String subtitle) { this.subtitle = subtitle; }
    public String getDescription() { return description; }
    public void setDescription(String description) { this.description = description; }
    public String getMainImage() { return mainImage; }
    public void setMainImage(String mainImage) { this.mainImage = mainImage; }
    public List<String> getImages() { return images; }
    public void setImages(List<String> images) { this.images = images; }
    public String getTags() { return tags; }
    public void setTags(String tags) { this.tags = tags; }
    public Status getStatus() { return status; }
    public void setStatus(Status status) { this.status = status; }
    public Instant getLaunchAt() { return launchAt; }
    public void setLaunchAt(Instant launchAt) { this.launchAt = launchAt; }
    public Instant getOnSaleSince() { return onSaleSince; }
    public void setOnSaleSince(Instant onSaleSince) { this.onSaleSince = onSaleSince; }
    public Long getMinPrice() { return minPrice; }
    public void setMinPrice(Long minPrice) { this.minPrice = minPrice; }
    public Long getSales() { return sales; }
    public void setSales(Long sales) { this.sales = sales; }
    public Integer getVersion() { return version; }
    public void setVersion(Integer version) { this.version = version; }
    public Instant getCreatedAt() { return createdAt; }
    public void setCreatedAt(Instant createdAt) { this.createdAt = createdAt; }
    public Instant getUpdatedAt() { return updatedAt; }
    public void setUpdatedAt(Instant updatedAt) { this.updatedAt = updatedAt; }
}
