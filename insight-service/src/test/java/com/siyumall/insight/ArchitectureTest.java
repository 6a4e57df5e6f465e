package com.siyumall.insight;

import com.siyumall.common.testsupport.ServiceArchitecture;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.junit.ArchTests;

/** Packages stay honest: no reaching into other services, controllers go through services, features do not form cycles. */
@AnalyzeClasses(packages = "com.siyumall.insight", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchTests mallRules = ArchTests.in(ServiceArchitecture.class);
}
