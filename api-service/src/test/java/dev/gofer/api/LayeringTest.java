package dev.gofer.api;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class LayeringTest {

    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gofer.api");

    @Test
    void shouldKeepEntitiesOutOfRestWhenServingRequests() {
        noClasses().that().resideInAPackage("..rest..").should().dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .because("entities never leave their service layer: REST speaks request/response records, so the"
                        + " schema can change without changing the API")
                .check(classes);
    }

    @Test
    void shouldNotReachIntoOtherServicesWhenTalkingOnlyThroughKafkaAndRest() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.store..", "dev.gofer.trigger..", "dev.gofer.scheduler..")
                .because("services share only the events contract").check(classes);
    }
}
