package dev.gofer.store;

import java.util.stream.Stream;

import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import dev.gofer.testsupport.architecture.ServiceArchitecture;

/** The shared rules (test-support's {@link ServiceArchitecture}), each with its reason, on store-service's classes. */
class ArchitectureTest {

    @TestFactory
    Stream<DynamicTest> shouldFollowTheSharedRulesWhenCompiled() {
        return ServiceArchitecture.of("dev.gofer.store").tests();
    }
}
