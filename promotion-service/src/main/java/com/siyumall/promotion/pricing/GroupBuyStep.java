package com.siyumall.promotion.pricing;

import com.siyumall.promotion.groupbuy.GroupBuyActivity;

/** The group price (拼团价): a group-buy order is one unit of the activity's SKU at the group price. */
record GroupBuyStep(GroupBuyActivity activity, Long groupId) implements PriceChain.Step {
    @Override
    public void apply(PriceSheet sheet) {
        PriceChain.Line line = sheet.basket().lines().get(0);
        sheet.discount("GROUP_BUY", line.price() - activity.groupPrice(), activity.name(), null);
        sheet.tookGroupBuy(activity.id(), groupId);
    }
}
