package dev.gofer.testsupport;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.gofer.testsupport.architecture.LibraryArchitecture;

/**
 * The shared library rules ({@link LibraryArchitecture}), each with its reason, on test-support and on service-support
 * (checked here: service-support's own tests cannot depend on test-support, which depends on it).
 */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> shouldImportNoServiceWhenCompiled() {
        return LibraryArchitecture.of("dev.gofer.testsupport").tests();
    }

    @TestFactory
    Stream<DynamicTest> shouldKeepServiceSupportFreeOfServicesWhenCompiled() {
        return LibraryArchitecture.of("dev.gofer.support").tests();
    }
}
