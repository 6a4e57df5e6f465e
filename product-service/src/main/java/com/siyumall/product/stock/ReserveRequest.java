package com.siyumall.product.stock;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

import java.util.List;

/** A basket checkout reserves for an order: at stock alone, or through the catalog with its SKUs' snapshots. */
public record ReserveRequest(@NotBlank @Pattern(regexp = ReserveRequest.ORDER_NO) String orderNo,
                             @NotEmpty @Size(max = 50) List<@Valid Line> items) {
    public static final String ORDER_NO = "[A-Za-z0-9_-]{1,64}";

    public record Line(@NotNull Long skuId, @NotNull @Min(1) @Max(999) Integer quantity) {}

    public List<StockLine> lines() {
        return items.stream().map(l -> new StockLine(l.skuId(), l.quantity())).toList();
    }

    public static List<Line> of(List<StockLine> lines) {
        return lines.stream().map(l -> new Line(l.skuId(), l.quantity())).toList();
    }
}
