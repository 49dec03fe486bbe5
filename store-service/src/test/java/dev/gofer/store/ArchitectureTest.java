package dev.gofer.store;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gofer.store");

    @Test
    void shouldKeepEntitiesBehindServicesWhenRestHandlesRequests() {
        noClasses().that().resideInAPackage("..rest..").should().dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .because("REST speaks request/response records; entities never leave the service layer")
                .check(CLASSES);
    }

    @Test
    void shouldKeepMessagingOffTheDatabaseWhenConsumingRecords() {
        noClasses().that().resideInAPackage("..messaging..").should().dependOnClassesThat()
                .resideInAPackage("..persistence..")
                .because("consumers hand off to a service; they never touch entities").check(CLASSES);
    }

    @Test
    void shouldKeepServicesFreeOfTransportWhenImplementingUseCases() {
        noClasses().that().resideInAPackage("..service..").should().dependOnClassesThat()
                .resideInAnyPackage("..rest..", "..messaging..", "jakarta.ws.rs..")
                .because("use cases do not know whether HTTP or Kafka called them").check(CLASSES);
    }

    @Test
    void shouldKeepPersistenceAtTheBottomWhenMappingTables() {
        noClasses().that().resideInAPackage("..persistence..").should().dependOnClassesThat()
                .resideInAnyPackage("..rest..", "..messaging..", "..service..")
                .because("persistence is the lowest layer").check(CLASSES);
    }

    @Test
    void shouldNotImportOtherServicesWhenBuildingStore() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.api..", "dev.gofer.scheduler..", "dev.gofer.trigger..")
                .because("services talk only through Kafka and REST").check(CLASSES);
    }
}
