package dev.gofer.scheduler.taskrun.service;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Replaces every secret value a task run was given by {@value #MASK} in its log lines, before they leave the worker.
 * Besides the value itself it masks the forms a task is likely to print: each line of a multi-line value, the base64
 * encodings (standard and URL-safe, with and without padding, of the value with and without a trailing newline as
 * {@code echo v | base64} prints it, and the 76-column lines {@code base64} wraps long output into) and the
 * URL-encoded forms ({@code %20} or {@code +} for spaces, upper- or lower-case hex). Values shorter than
 * {@value #MIN_LENGTH} characters are not masked: masking {@code "a"} would garble every line and reveal more than it
 * hides. The longest form is replaced first, so a value that contains another is masked whole.
 */
final class SecretMasker {

    static final String MASK = "***";
    static final int MIN_LENGTH = 4;
    private static final int BASE64_LINE = 76;
    private static final SecretMasker NONE = new SecretMasker(List.of());

    private final List<String> forms;

    private SecretMasker(List<String> forms) {
        this.forms = forms;
    }

    static SecretMasker none() {
        return NONE;
    }

    static SecretMasker of(Collection<String> secrets) {
        Set<String> forms = new LinkedHashSet<>();
        for (String secret : secrets) {
            if (secret == null) {
                continue;
            }
            addForms(forms, secret);
            for (String line : secret.split("\r?\n")) {
                addForms(forms, line.strip());
            }
        }
        forms.removeIf(f -> f.length() < MIN_LENGTH);
        if (forms.isEmpty()) {
            return NONE;
        }
        List<String> sorted = new ArrayList<>(forms);
        sorted.sort(Comparator.comparingInt(String::length).reversed());
        return new SecretMasker(List.copyOf(sorted));
    }

    boolean masksNothing() {
        return forms.isEmpty();
    }

    String mask(String line) {
        String masked = line;
        for (String form : forms) {
            if (masked.contains(form)) {
                masked = masked.replace(form, MASK);
            }
        }
        return masked;
    }

    private static void addForms(Set<String> forms, String value) {
        if (value.length() < MIN_LENGTH) {
            return;
        }
        forms.add(value);
        for (byte[] bytes : List.of(value.getBytes(StandardCharsets.UTF_8),
                (value + "\n").getBytes(StandardCharsets.UTF_8))) {
            for (Base64.Encoder encoder : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
                String padded = encoder.encodeToString(bytes);
                forms.add(padded);
                forms.add(encoder.withoutPadding().encodeToString(bytes));
                for (int i = 0; i + BASE64_LINE < padded.length(); i += BASE64_LINE) {
                    forms.add(padded.substring(i, i + BASE64_LINE));
                }
                if (padded.length() > BASE64_LINE) {
                    forms.add(padded.substring(padded.length() - padded.length() % BASE64_LINE));
                }
            }
        }
        String plus = URLEncoder.encode(value, StandardCharsets.UTF_8);
        String percent = plus.replace("+", "%20");
        for (String encoded : List.of(plus, percent)) {
            forms.add(encoded);
            forms.add(lowerHex(encoded));
        }
    }

    /** {@code %2F} → {@code %2f}: some encoders print lower-case hex. */
    private static String lowerHex(String encoded) {
        StringBuilder out = new StringBuilder(encoded.length());
        for (int i = 0; i < encoded.length(); i++) {
            char c = encoded.charAt(i);
            if (c == '%' && i + 2 < encoded.length()) {
                out.append(c).append(encoded.substring(i + 1, i + 3).toLowerCase(Locale.ROOT));
                i += 2;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
