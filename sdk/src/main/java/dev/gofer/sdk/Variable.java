package dev.gofer.sdk;

/**
 * One environment variable of a run or task run, as the API shows it (secrets stay references).
 *
 * @param key the variable name
 * @param value its value
 * @param source where it came from
 */
public record Variable(String key, String value, VariableSource source) {
}
