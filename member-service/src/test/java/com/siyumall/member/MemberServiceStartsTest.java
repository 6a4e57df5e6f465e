package com.siyumall.member;

import com.siyumall.common.testsupport.MallIntegrationTest;
import com.siyumall.common.testsupport.ServiceStartsContract;

@MallIntegrationTest(properties = "spring.config.name=member-service")
class MemberServiceStartsTest extends ServiceStartsContract {
}
