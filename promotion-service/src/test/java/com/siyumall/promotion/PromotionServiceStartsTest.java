package com.siyumall.promotion;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.ServiceStartsContract;

@MallIntegrationTest(properties = "spring.config.name=promotion-service")
class PromotionServiceStartsTest extends ServiceStartsContract {
}
