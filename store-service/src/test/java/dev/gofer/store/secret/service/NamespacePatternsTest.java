package dev.gofer.store.secret.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import dev.gofer.store.common.service.StoreException;

class NamespacePatternsTest {

    @Test
    void shouldAllowEveryNamespaceWhenNoPatternsAreGiven() {
        assertThat(NamespacePatterns.validate(null)).containsExactly(".*");
        assertThat(NamespacePatterns.validate(List.of())).containsExactly(".*");
        assertThat(NamespacePatterns.allows(NamespacePatterns.ALL, "anything-at-all")).isTrue();
    }

    @Test
    void shouldMatchTheWholeNamespaceWhenPatternMatchesOnlyPart() {
        List<String> patterns = List.of("team-.*", "ops");

        assertThat(NamespacePatterns.allows(patterns, "team-a")).isTrue();
        assertThat(NamespacePatterns.allows(patterns, "ops")).isTrue();
        assertThat(NamespacePatterns.allows(patterns, "my-team-a")).isFalse();
        assertThat(NamespacePatterns.allows(patterns, "devops")).isFalse();
    }

    @Test
    void shouldNameTheEntryWhenPatternIsInvalid() {
        assertThatThrownBy(() -> NamespacePatterns.validate(List.of(".*", "team-(")))
                .isInstanceOf(StoreException.class).hasMessage("namespaces[1]: not a valid regular expression");
        assertThatThrownBy(() -> NamespacePatterns.validate(Arrays.asList("a", " ")))
                .hasMessage("namespaces[1]: must not be blank");
    }
}
