package com.siyumall.order;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.ServiceStartsContract;

@MallIntegrationTest(properties = "spring.config.name=order-service")
class OrderServiceStartsTest extends ServiceStartsContract {
}
