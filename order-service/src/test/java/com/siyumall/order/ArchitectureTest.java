package com.siyumall.order;

import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.junit.AnalyzeClasses;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchRule;
import org.springframework.web.bind.annotation.RestController;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/** Packages stay honest: no reaching into other services, controllers go through services. */
@AnalyzeClasses(packages = "com.siyumall.order", importOptions = ImportOption.DoNotIncludeTests.class)
class ArchitectureTest {

    @ArchTest
    static final ArchRule noOtherServiceIsTouched = noClasses()
            .should().dependOnClassesThat().resideInAnyPackage("com.siyumall.product..", "com.siyumall.member..", "com.siyumall.promotion..");

    @ArchTest
    static final ArchRule controllersDoNotReachMappers = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
            .matching("com.siyumall.order.(*)..").should().beFreeOfCycles();
}
