package com.siyumall.common.testsupport;

import com.tngtech.archunit.core.domain.Dependency;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.junit.ArchTest;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import org.springframework.web.bind.annotation.RestController;

import java.util.Set;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

/**
 * The rules every service keeps, shared so each service states them in one line:
 * {@code @ArchTest static final ArchTests mall = ArchTests.in(ServiceArchitecture.class);}
 */
public final class ServiceArchitecture {
    private static final Set<String> SERVICES = Set.of("product", "order", "member", "promotion", "gateway");

    private ServiceArchitecture() {}

    @ArchTest
    static final ArchRule noOtherServiceIsTouched = classes().should(new ArchCondition<>("not depend on another service's classes") {
        @Override
        public void check(JavaClass item, ConditionEvents events) {
            String own = serviceOf(item.getPackageName());
            for (Dependency dependency : item.getDirectDependenciesFromSelf()) {
                String target = serviceOf(dependency.getTargetClass().getPackageName());
                if (target != null && own != null && !target.equals(own)) {
                    events.add(SimpleConditionEvent.violated(dependency, dependency.getDescription()));
                }
            }
        }
    });

    @ArchTest
    static final ArchRule controllersDoNotReachMappers = noClasses()
            .that().areAnnotatedWith(RestController.class)
            .should().dependOnClassesThat().haveSimpleNameEndingWith("Mapper");

    @ArchTest
    static final ArchRule featuresDoNotDependOnEachOtherInCircles = slices()
            .matching("com.siyumall.*.(*)..").should().beFreeOfCycles();

    private static String serviceOf(String packageName) {
        String[] parts = packageName.split("\\.");
        return parts.length > 2 && parts[0].equals("com") && parts[1].equals("siyumall") && SERVICES.contains(parts[2]) ? parts[2] : null;
    }
}
