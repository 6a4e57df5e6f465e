package com.siyumall.promotion.pricing;

import com.siyumall.promotion.firstpurchase.FirstPurchaseActivity;

/** The first-purchase price: one unit of each line with a special price costs that price (首购价). */
record FirstPurchaseStep(FirstPurchaseActivity activity) implements PriceChain.Step {
    @Override
    public void apply(PriceSheet sheet) {
        long off = 0;
        for (PriceChain.Line line : sheet.basket().lines()) {
            Long special = activity.prices().get(line.skuId());
            if (special != null && special < line.price()) {
                off += line.price() - special;
            }
        }
        if (off > 0) {
            sheet.discount("FIRST_PURCHASE", off, activity.name(), null);
            sheet.tookFirstPurchase(activity.id());
        }
    }
}
