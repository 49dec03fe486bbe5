package dev.gofer.cli;

import java.util.List;

/**
 * A context as the {@code login} and {@code context} commands show it ({@code -o json}): never its token, only whether
 * it has one.
 *
 * @param name the context's name
 * @param apiUrl its API base URL
 * @param current whether it is the current context
 * @param hasToken whether it holds a token
 */
record ContextView(String name, String apiUrl, boolean current, boolean hasToken) {

    static ContextView of(CliConfig config, String name) {
        CliConfig.Context context = config.context(name).orElseThrow();
        return new ContextView(name, context.apiUrl(), name.equals(config.currentName()), context.hasToken());
    }

    /** Every context of {@code config}, in name order. */
    static List<ContextView> all(CliConfig config) {
        return config.contexts().keySet().stream().map(name -> of(config, name)).toList();
    }
}
