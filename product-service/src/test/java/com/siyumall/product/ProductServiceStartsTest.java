package com.siyumall.product;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.ServiceStartsContract;

@MallIntegrationTest(properties = "spring.config.name=product-service")
class ProductServiceStartsTest extends ServiceStartsContract {
}
