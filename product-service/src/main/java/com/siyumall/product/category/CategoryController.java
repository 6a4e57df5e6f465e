package com.siyumall.product.category;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;

@RestController
@Tag(name = "Categories")
class CategoryController {
    private final CategoryService categories;

    CategoryController(CategoryService categories) {
        this.categories = categories;
    }

    record CategoryTree(List<CategoryNode> items) {}

    record NewCategory(@NotBlank @Size(max = 64) String name,
                       @Size(max = 512) @Pattern(regexp = "https?://.+") String iconUrl,
                       @Min(0) @Max(100_000) Integer sortOrder,
                       Long parentId) {}

    @GetMapping("/api/categories")
    @Operation(summary = "The category tree (public)")
    CategoryTree tree() {
        return new CategoryTree(categories.tree());
    }

    @PostMapping("/admin/categories")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a category under an optional parent (at most three levels)")
    CategoryNode create(@Valid @RequestBody NewCategory request) {
        Category created = categories.create(request.name(), request.iconUrl(),
                request.sortOrder() == null ? 0 : request.sortOrder(), request.parentId());
        return new CategoryNode(created.getId(), created.getName(), created.getIconUrl(), created.getLevel(),
                created.getSortOrder(), List.of());
    }
}
