package dev.gofer.events;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class EventsLayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gofer.events");

    @Test
    void shouldStayFreeOfFrameworksWhenUsedByOutsidePublishers() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("io.quarkus..", "jakarta.persistence..", "org.hibernate..", "io.smallrye..")
                .because("the contract is used by every service, the SDK and outside publishers; "
                        + "a framework here would leak into all of them")
                .check(classes);
    }

    @Test
    void shouldNotDependOnAnyServiceWhenServicesDependOnIt() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.api..", "dev.gofer.store..", "dev.gofer.trigger..",
                        "dev.gofer.scheduler..")
                .because("services depend on the contract, never the other way round").check(classes);
    }
}
