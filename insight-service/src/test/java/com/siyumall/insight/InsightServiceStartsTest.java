package com.siyumall.insight;

import com.siyumall.common.testsupport.ServiceStartsContract;

@InsightIntegrationTest
class InsightServiceStartsTest extends ServiceStartsContract {
}
