package com.siyumall.member.demo;

import com.siyumall.common.security.Role;
import com.siyumall.member.guide.GuideService;
import com.siyumall.member.merchant.MerchantAccountService;
import com.siyumall.member.store.Store;
import com.siyumall.member.store.StoreService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Component;

import java.time.LocalTime;

/**
 * Demo accounts for deploy/run-local.sh (profile {@code demo} only, never elsewhere): merchant/merchant123, two
 * Shanghai stores, guide1..guide3/guide123. Loaded once, into an installation without a merchant account.
 */
@Component
@Profile("demo")
class IdentityDemoData implements ApplicationRunner {
    private static final Logger log = LoggerFactory.getLogger(IdentityDemoData.class);

    private final MerchantAccountService merchants;
    private final StoreService stores;
    private final GuideService guides;

    IdentityDemoData(MerchantAccountService merchants, StoreService stores, GuideService guides) {
        this.merchants = merchants;
        this.stores = stores;
        this.guides = guides;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (merchants.findByUsername("merchant").isEmpty()) {
            merchants.open("merchant", "merchant123", "Demo merchant", Role.MERCHANT, null);
            Store westNanjingRoad = stores.create(new StoreService.StoreDetails("南京西路旗舰店", "上海市静安区南京西路1266号",
                    31.229620, 121.452400, LocalTime.of(10, 0), LocalTime.of(22, 0), "021-62881234"));
            Store lujiazui = stores.create(new StoreService.StoreDetails("陆家嘴正大店", "上海市浦东新区陆家嘴西路168号",
                    31.237800, 121.498900, LocalTime.of(10, 0), LocalTime.of(22, 0), "021-68871234"));
            guides.hire("guide1", "guide123", "王导购", "13800000001", westNanjingRoad.getId());
            guides.hire("guide2", "guide123", "李导购", "13800000002", westNanjingRoad.getId());
            guides.hire("guide3", "guide123", "张导购", "13800000003", lujiazui.getId());
        }
        log.info("Demo accounts: merchant console merchant/merchant123; guides guide1, guide2 (南京西路旗舰店) and guide3 "
                + "(陆家嘴正大店) with password guide123; shopper login codes demo-<anyname>");
    }
}
