package dev.gofer.scheduler;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import org.junit.jupiter.api.Test;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

class ArchitectureTest {

    private static final JavaClasses CLASSES = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages("dev.gofer.scheduler");

    @Test
    void shouldKeepDockerClientBehindThePortWhenAnyClassUsesContainers() {
        noClasses().that().resideOutsideOfPackage("dev.gofer.scheduler.container.docker..").should()
                .dependOnClassesThat().resideInAPackage("com.github.dockerjava..")
                .because("docker-java is an implementation detail of DockerContainerRuntime; its exceptions are "
                        + "translated at the port")
                .check(CLASSES);
    }

    @Test
    void shouldKeepThePortFreeOfGoferAndKafkaWhenContainerPackageIsImported() {
        noClasses().that().resideInAPackage("dev.gofer.scheduler.container..").should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.events..", "dev.gofer.scheduler.taskrun..", "org.apache.kafka..",
                        "io.smallrye.reactive.messaging..")
                .because("the container port knows containers, not task runs or Kafka").check(CLASSES);
    }

    @Test
    void shouldNotDependOnOtherServicesWhenCompiled() {
        noClasses().should().dependOnClassesThat()
                .resideInAnyPackage("dev.gofer.api..", "dev.gofer.store..", "dev.gofer.trigger..")
                .because("services talk only through Kafka and REST").check(CLASSES);
    }

    @Test
    void shouldLeaveKafkaToMessagingWhenServiceCodePublishes() {
        noClasses().that().resideInAPackage("dev.gofer.scheduler.taskrun.service..").should().dependOnClassesThat()
                .resideInAnyPackage("org.apache.kafka..", "org.eclipse.microprofile.reactive.messaging..",
                        "dev.gofer.scheduler.taskrun.messaging..")
                .because("service code publishes through the contract's EventPublisher; consuming is messaging's job")
                .check(CLASSES);
    }
}
