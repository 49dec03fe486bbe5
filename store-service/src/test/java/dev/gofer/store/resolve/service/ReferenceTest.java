package dev.gofer.store.resolve.service;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import dev.gofer.store.resolve.service.Reference.Kind;

class ReferenceTest {

    @Test
    void shouldParseEveryKindWhenValueIsAWholeReference() {
        assertThat(Reference.parse("pipeline_secret{{token}}")).contains(new Reference(Kind.PIPELINE_SECRET, "token"));
        assertThat(Reference.parse("global_secret{{gh}}")).contains(new Reference(Kind.GLOBAL_SECRET, "gh"));
        assertThat(Reference.parse("pipeline_object{{cfg}}")).contains(new Reference(Kind.PIPELINE_OBJECT, "cfg"));
        assertThat(Reference.parse("run_object{{out}}")).contains(new Reference(Kind.RUN_OBJECT, "out"));
    }

    @Test
    void shouldIgnoreCaseAndTrimWhenReferenceHasSpaces() {
        assertThat(Reference.parse("  PIPELINE_Secret{{  my.key  }} \n"))
                .contains(new Reference(Kind.PIPELINE_SECRET, "my.key"));
    }

    @Test
    void shouldTreatValueAsPlainWhenReferenceIsOnlyPartOfIt() {
        assertThat(Reference.parse("Bearer pipeline_secret{{token}}")).isEmpty();
        assertThat(Reference.parse("pipeline_secret{{token}} suffix")).isEmpty();
        assertThat(Reference.parse("pipeline_secret{{}}")).isEmpty();
        assertThat(Reference.parse("team_secret{{token}}")).isEmpty();
        assertThat(Reference.parse("pipeline_secret{token}")).isEmpty();
        assertThat(Reference.parse("")).isEmpty();
        assertThat(Reference.parse(null)).isEmpty();
    }

    @Test
    void shouldMarkOnlySecretKindsAsSecretWhenAsked() {
        assertThat(Kind.PIPELINE_SECRET.isSecret()).isTrue();
        assertThat(Kind.GLOBAL_SECRET.isSecret()).isTrue();
        assertThat(Kind.PIPELINE_OBJECT.isSecret()).isFalse();
        assertThat(Kind.RUN_OBJECT.isSecret()).isFalse();
    }
}
