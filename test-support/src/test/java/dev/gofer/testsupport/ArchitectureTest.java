package dev.gofer.testsupport;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.gofer.testsupport.architecture.LibraryArchitecture;

/** The shared library rules (test-support's {@link LibraryArchitecture}), each with its reason, on test-support. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> shouldImportNoServiceWhenCompiled() {
        return LibraryArchitecture.of("dev.gofer.testsupport").tests();
    }
}
