package com.siyumall.product.sales;

import com.siyumall.common.error.BusinessException;
import com.siyumall.common.error.CommonError;
import com.siyumall.common.time.BusinessTime;
import com.siyumall.product.category.CategoryNode;
import com.siyumall.product.category.CategoryService;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;

/** Sales rankings for the merchant: products by units or GMV over business days, and the top buyers. */
@RestController
@Tag(name = "Insights")
class SalesInsightsController {
    private final SalesRanking sales;
    private final CategoryService categories;
    private final Clock clock;

    SalesInsightsController(SalesRanking sales, CategoryService categories, Clock clock) {
        this.sales = sales;
        this.categories = categories;
        this.clock = clock;
    }

    record Ranking<T>(String subject, String by, LocalDate from, LocalDate to, List<T> items) {}

    @GetMapping("/admin/insights/sales-ranking")
    @Operation(summary = "Products ranked by units or gmv over [from, to] (Shanghai days, default the last 30), optionally "
            + "in a category and below; subject=members ranks buyers (all time)")
    Ranking<?> ranking(@RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                       @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                       @RequestParam(defaultValue = "units") String by,
                       @RequestParam(required = false) Long categoryId,
                       @RequestParam(defaultValue = "products") String subject,
                       @RequestParam(defaultValue = "20") @Min(1) @Max(100) int limit) {
        if (!by.equals("units") && !by.equals("gmv")) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "by");
        }
        boolean byGmv = by.equals("gmv");
        if (subject.equals("members")) {
            return new Ranking<>(subject, by, null, null, sales.members(byGmv, limit));
        }
        if (!subject.equals("products")) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "subject");
        }
        LocalDate end = to != null ? to : BusinessTime.today(clock);
        LocalDate start = from != null ? from : end.minusDays(29);
        if (start.isAfter(end)) {
            throw new BusinessException(CommonError.INVALID_PARAMETER, "from");
        }
        List<Long> categoryIds = categoryId == null ? null
                : categories.find(categoryId).map(CategoryNode::selfAndDescendantIds).orElse(List.of(-1L));
        return new Ranking<>(subject, by, start, end, sales.products(start, end, categoryIds, byGmv, limit));
    }
}
