package com.siyumall.promotion;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Packages stay honest: no reaching into other services, controllers go through services. */
@AnalyzeClasses(packages = "com.siyumall.promotion", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsTouched = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.siyumall.order..", "com.siyumall.member..", "com.siyumall.product..");

    @ArchTest
    static final ArchRule controllersDoNotReachMappers = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
            .matching("com.siyumall.promotion.(*)..").should().beFreeOfCycles();
}
