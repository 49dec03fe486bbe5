package dev.gofer.store.auth;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;

import org.junit.jupiter.api.Test;

import dev.gofer.testsupport.auth.SecurityDoc;
import dev.gofer.testsupport.auth.ServiceRoutes;

/** docs/security.md lists every route of store-service with the rule its code declares (regenerate: -Dgofer.docs.update=true). */
class SecurityDocTest {

    @Test
    void shouldListEveryRouteWithItsRuleWhenDocsAreCurrent() throws IOException {
        assertThat(SecurityDoc.check(SecurityDoc.file(), "store-service", ServiceRoutes.of("dev.gofer.store")))
                .isEmpty();
    }
}
