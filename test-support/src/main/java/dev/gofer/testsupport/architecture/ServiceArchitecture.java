package dev.gofer.testsupport.architecture;

import static com.tngtech.archunit.base.DescribedPredicate.not;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAPackage;
import static com.tngtech.archunit.core.domain.JavaClass.Predicates.resideInAnyPackage;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.methods;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.lang.syntax.ArchRuleDefinition;

/**
 * The one architecture rule set every service runs on its own main classes. A service's package root is
 * {@code dev.gofer.<service>}, split by feature, then by role: {@code rest} (HTTP in), {@code messaging} (Kafka in),
 * {@code service} (use cases), {@code persistence} (entities, repositories), {@code config}; shared pieces live in
 * the root package or in {@code common}. A role a service does not have (scheduler-service has no database) is
 * simply absent: every rule holds where its packages exist and passes where they do not.
 *
 * <pre>
 * &#64;TestFactory
 * Stream&lt;DynamicTest&gt; shouldFollowTheSharedRulesWhenCompiled() {
 *     return ServiceArchitecture.of("dev.gofer.store").tests();
 * }
 * </pre>
 */
public final class ServiceArchitecture {

    /** The package root of every Gofer service. */
    public static final List<String> SERVICE_ROOTS = List.of("dev.gofer.api", "dev.gofer.store", "dev.gofer.trigger",
            "dev.gofer.scheduler");

    private static final String[] TRANSPORTS = {"jakarta.ws.rs..", "org.jboss.resteasy..", "io.quarkus.resteasy..",
            "org.apache.kafka..", "io.smallrye.reactive.messaging..", "org.eclipse.microprofile.reactive.messaging.."};

    private static final String[] KAFKA = {"org.apache.kafka..", "io.smallrye.reactive.messaging..",
            "org.eclipse.microprofile.reactive.messaging.."};

    private final String root;

    private ServiceArchitecture(String root) {
        this.root = root;
    }

    /** The rules for the service whose package root is {@code root}, one of {@link #SERVICE_ROOTS}. */
    public static ServiceArchitecture of(String root) {
        if (!SERVICE_ROOTS.contains(root)) {
            throw new IllegalArgumentException(root + " is not a service root; one of " + SERVICE_ROOTS);
        }
        return new ServiceArchitecture(root);
    }

    /** The service's main classes (tests excluded). */
    public JavaClasses classes() {
        return mainClasses(root);
    }

    /** One dynamic test per rule, each checked against {@link #classes()}. */
    public Stream<DynamicTest> tests() {
        return dynamicTests(rules(), classes());
    }

    /** The main classes (tests excluded) under {@code root}. */
    static JavaClasses mainClasses(String root) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(root);
    }

    /** One dynamic test per rule, named by its description. */
    static Stream<DynamicTest> dynamicTests(List<ArchRule> rules, JavaClasses classes) {
        return rules.stream().map(rule -> DynamicTest.dynamicTest(rule.getDescription(), () -> rule.check(classes)));
    }

    public List<ArchRule> rules() {
        return List.of(layers(), transportsStayInAdapters(), endpointsLiveInRest(), consumersLiveInMessaging(),
                entitiesLiveInPersistence(), sharedPackagesDependOnNoFeature(), noOtherService(),
                outboxOnlyThroughItsEntryPoint(), kafkaPlumbingOnlyInMessaging(), dockerBehindThePort(),
                containerPortKnowsOnlyContainers());
    }

    /** rest and messaging (in) → service (use cases) → persistence (entities); never upwards. */
    public ArchRule layers() {
        return layeredArchitecture()
                .consideringOnlyDependenciesInAnyPackage(root + "..")
                .withOptionalLayers(true)
                .layer("rest").definedBy(root + "..rest..")
                .layer("messaging").definedBy(root + "..messaging..")
                .layer("service").definedBy(root + "..service..")
                .layer("persistence").definedBy(root + "..persistence..")
                .whereLayer("rest").mayNotBeAccessedByAnyLayer()
                .whereLayer("messaging").mayNotBeAccessedByAnyLayer()
                .whereLayer("service").mayOnlyBeAccessedByLayers("rest", "messaging")
                .whereLayer("persistence").mayOnlyBeAccessedByLayers("service")
                .because("requests come in over HTTP (rest) or Kafka (messaging) and are handed to a use case "
                        + "(service), which alone touches entities and repositories (persistence): entities never "
                        + "reach a client or a record, and a lower layer never calls the one above it");
    }

    /** Use cases and persistence use neither JAX-RS nor Kafka. */
    public ArchRule transportsStayInAdapters() {
        return noClasses().that().resideInAnyPackage(root + "..service..", root + "..persistence..").should()
                .dependOnClassesThat().resideInAnyPackage(TRANSPORTS).allowEmptyShould(true)
                .because("a use case does not know whether HTTP or Kafka called it, and it publishes through the "
                        + "contract's EventPublisher or the outbox; JAX-RS and Kafka types belong to rest and "
                        + "messaging");
    }

    public ArchRule endpointsLiveInRest() {
        return ArchRuleDefinition.classes().that().areAnnotatedWith("jakarta.ws.rs.Path").should()
                .resideInAPackage(root + "..rest..")
                .allowEmptyShould(true)
                .because("an HTTP endpoint outside rest would escape the layering rule and could reach entities");
    }

    public ArchRule consumersLiveInMessaging() {
        return methods().that().areAnnotatedWith("org.eclipse.microprofile.reactive.messaging.Incoming").should()
                .beDeclaredInClassesThat().resideInAPackage(root + "..messaging..").allowEmptyShould(true)
                .because("Kafka consumers are the messaging layer: @Blocking listeners that hand each record to a "
                        + "@Transactional service method");
    }

    public ArchRule entitiesLiveInPersistence() {
        return ArchRuleDefinition.classes().that().areAnnotatedWith("jakarta.persistence.Entity").or()
                .areAssignableTo("io.quarkus.hibernate.orm.panache.PanacheRepositoryBase").should()
                .resideInAPackage(root + "..persistence..").allowEmptyShould(true)
                .because("entities and repositories are the persistence layer, reached only through a service, so "
                        + "they never leave their service");
    }

    /** The root package and {@code common} are shared by the features, so they may not lean on one. */
    public ArchRule sharedPackagesDependOnNoFeature() {
        return noClasses().that().resideInAnyPackage(root, root + ".common..").should()
                .dependOnClassesThat(
                        resideInAPackage(root + "..").and(not(resideInAnyPackage(root, root + ".common..")))
                                .as("reside in a feature package of " + root))
                .allowEmptyShould(true)
                .because("the root and common packages are shared by every feature; depending on one feature from "
                        + "there would tie every other feature to it");
    }

    public ArchRule noOtherService() {
        String[] others = SERVICE_ROOTS.stream().filter(r -> !r.equals(root)).map(r -> r + "..")
                .toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(others)
                .because("services talk only through Kafka and REST; a type two services need belongs in events or "
                        + "service-support");
    }

    /** service-support's outbox is used through {@code Outbox}; its table, repository and relay are its own. */
    public ArchRule outboxOnlyThroughItsEntryPoint() {
        return noClasses().should().dependOnClassesThat()
                .haveNameMatching("dev\\.gofer\\.support\\.outbox\\.Outbox(Repository|Row|Relay)")
                .because("events enter the outbox only through Outbox, in the transaction of the state change; the "
                        + "relay alone claims, publishes and deletes rows, so a service touching them directly could "
                        + "publish an event twice or lose it");
    }

    public ArchRule kafkaPlumbingOnlyInMessaging() {
        return noClasses().that().resideInAnyPackage(root + "..rest..", root + "..service..", root + "..persistence..")
                .should().dependOnClassesThat().resideInAPackage("dev.gofer.support.messaging..")
                .allowEmptyShould(true)
                .because("service-support's Kafka plumbing (topic setup, retry-or-dead-letter settlement) serves "
                        + "consumers, which live in messaging");
    }

    public ArchRule dockerBehindThePort() {
        return noClasses().that().resideOutsideOfPackage(root + ".container.docker..").should().dependOnClassesThat()
                .resideInAPackage("com.github.dockerjava..")
                .because("docker-java is an implementation detail of the ContainerRuntime port (container.docker); "
                        + "its exceptions are translated at the port");
    }

    public ArchRule containerPortKnowsOnlyContainers() {
        String[] forbidden = Stream
                .concat(Stream.of("dev.gofer.events..", root + "..rest..", root + "..messaging..",
                        root + "..service..", root + "..persistence.."), Stream.of(KAFKA))
                .toArray(String[]::new);
        return noClasses().that().resideInAPackage(root + ".container..").should().dependOnClassesThat()
                .resideInAnyPackage(forbidden).allowEmptyShould(true)
                .because("the container port knows containers, not task runs, events or Kafka");
    }
}
