package dev.gofer.testsupport.auth;

import java.util.List;

import jakarta.ws.rs.Path;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;

import dev.gofer.support.auth.RouteTable;

/** The routes of one service, read from its compiled JAX-RS resource classes (tests excluded). */
public final class ServiceRoutes {

    private ServiceRoutes() {
    }

    /** Every route under package {@code root} ({@code dev.gofer.store}) with its rule. */
    public static RouteTable of(String root) {
        List<Class<?>> resources = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS).importPackages(root).stream()
                .filter(c -> c.isAnnotatedWith(Path.class)).map(JavaClass::reflect).<Class<?>>map(c -> c).toList();
        return RouteTable.of(resources);
    }
}
