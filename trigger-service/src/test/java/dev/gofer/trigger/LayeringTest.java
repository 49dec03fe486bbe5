package dev.gofer.trigger;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class LayeringTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("dev.gofer.trigger");

    @Test
    void shouldKeepEntitiesOutOfRestWhenLayering() {
        noClasses().that().resideInAPackage("..rest..")
                .should().dependOnClassesThat().resideInAPackage("..persistence..")
                .because("entities never leave the service layer: REST speaks request/response records")
                .check(CLASSES);
    }

    @Test
    void shouldKeepPersistenceUnawareOfCallersWhenLayering() {
        noClasses().that().resideInAPackage("..persistence..")
                .should().dependOnClassesThat().resideInAnyPackage("..rest..", "..service..", "..messaging..")
                .because("persistence is the bottom layer")
                .check(CLASSES);
    }

    @Test
    void shouldNotDependOnOtherServicesWhenLayering() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.api..", "dev.gofer.store..", "dev.gofer.scheduler..")
                .because("services talk only through Kafka (dev.gofer.events) and REST")
                .check(CLASSES);
    }
}
