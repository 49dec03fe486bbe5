package dev.gofer.testsupport.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.lang.ArchRule;

/**
 * The rules for a library the services share ({@code service-support}, {@code test-support}): it is used by the
 * services and never the other way round.
 */
public final class LibraryArchitecture {

    private final String root;

    private LibraryArchitecture(String root) {
        this.root = root;
    }

    /** The rules for the library whose package root is {@code root}, e.g. {@code dev.gofer.support}. */
    public static LibraryArchitecture of(String root) {
        if (ServiceArchitecture.SERVICE_ROOTS.contains(root)) {
            throw new IllegalArgumentException(root + " is a service root; use ServiceArchitecture");
        }
        return new LibraryArchitecture(root);
    }

    /** The library's main classes (tests excluded). */
    public JavaClasses classes() {
        return ServiceArchitecture.mainClasses(root);
    }

    /** One dynamic test per rule, each checked against {@link #classes()}. */
    public Stream<DynamicTest> tests() {
        return ServiceArchitecture.dynamicTests(rules(), classes());
    }

    public List<ArchRule> rules() {
        return List.of(noServicePackage());
    }

    public ArchRule noServicePackage() {
        String[] services = ServiceArchitecture.SERVICE_ROOTS.stream().map(r -> r + "..").toArray(String[]::new);
        return noClasses().should().dependOnClassesThat().resideInAnyPackage(services)
                .because("a shared library holds mechanism, never domain code: services depend on it, and a "
                        + "dependency back on one service would tie every service to it");
    }
}
