package dev.gofer.events;

/**
 * An environment variable of a task run, with where it came from. The value may be a whole-value reference such as
 * {@code pipeline_secret{{key}}}, which store-service resolves; until then it travels as the reference.
 */
public record Variable(String key, String value, VariableSource source) {

    public Variable {
        Require.text(key, "key");
        value = value == null ? "" : value;
        Require.present(source, "source");
    }
}
