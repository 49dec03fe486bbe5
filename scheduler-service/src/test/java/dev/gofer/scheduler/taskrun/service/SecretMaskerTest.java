package dev.gofer.scheduler.taskrun.service;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    @Test
    void shouldMaskValueWhereverItAppearsInLine() {
        SecretMasker masker = SecretMasker.of(List.of("hunter22"));

        assertThat(masker.mask("password=hunter22 and again hunter22.")).isEqualTo("password=*** and again ***.");
        assertThat(masker.mask("nothing to hide")).isEqualTo("nothing to hide");
    }

    @Test
    void shouldMaskBase64FormsWithAndWithoutTrailingNewline() {
        String secret = "correct horse battery";
        SecretMasker masker = SecretMasker.of(List.of(secret));
        Base64.Encoder b64 = Base64.getEncoder();

        assertThat(masker.mask(b64.encodeToString(secret.getBytes(StandardCharsets.UTF_8)))).isEqualTo("***");
        assertThat(masker.mask(b64.encodeToString((secret + "\n").getBytes(StandardCharsets.UTF_8))))
                .isEqualTo("***");
        assertThat(masker.mask("x " + Base64.getUrlEncoder().withoutPadding()
                .encodeToString(secret.getBytes(StandardCharsets.UTF_8)) + " y")).isEqualTo("x *** y");
    }

    @Test
    void shouldMaskEachLineOfWrappedBase64WhenSecretIsLong() {
        String secret = "k".repeat(40) + "-" + "z".repeat(60);
        String encoded = Base64.getEncoder().encodeToString(secret.getBytes(StandardCharsets.UTF_8));
        SecretMasker masker = SecretMasker.of(List.of(secret));

        assertThat(encoded.length()).isGreaterThan(76);
        assertThat(masker.mask(encoded.substring(0, 76))).isEqualTo("***");
        assertThat(masker.mask(encoded.substring(76))).isEqualTo("***");
    }

    @Test
    void shouldMaskUrlEncodedFormsInEitherCase() {
        SecretMasker masker = SecretMasker.of(List.of("a/b c@d"));

        assertThat(masker.mask("u=a%2Fb+c%40d")).isEqualTo("u=***");
        assertThat(masker.mask("u=a%2fb%20c%40d")).isEqualTo("u=***");
    }

    @Test
    void shouldMaskEveryLineOfMultiLineSecret() {
        SecretMasker masker = SecretMasker.of(List.of("first-line\nsecond-line\n"));

        assertThat(masker.mask("first-line")).isEqualTo("***");
        assertThat(masker.mask("  second-line  ")).isEqualTo("  ***  ");
    }

    @Test
    void shouldMaskLongerSecretWholeWhenItContainsShorterOne() {
        SecretMasker masker = SecretMasker.of(List.of("token", "token-extended"));

        assertThat(masker.mask("token-extended")).isEqualTo("***");
    }

    @Test
    void shouldLeaveTooShortValuesAloneWhenMaskingWouldGarbleEveryLine() {
        SecretMasker masker = SecretMasker.of(List.of("ab", "", "x"));

        assertThat(masker.masksNothing()).isTrue();
        assertThat(masker.mask("abc x")).isEqualTo("abc x");
    }
}
