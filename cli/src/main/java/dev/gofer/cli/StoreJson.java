package dev.gofer.cli;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import dev.gofer.sdk.SecretInfo;
import dev.gofer.sdk.SecretValue;

/** {@code -o json} shapes of store answers, as the store writes them (pipeline secrets have no namespaces). */
final class StoreJson {

    private StoreJson() {
    }

    static Map<String, Object> pipelineSecret(SecretInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", info.key());
        json.put("created", info.created());
        return json;
    }

    static Map<String, Object> globalSecret(SecretInfo info) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("key", info.key());
        json.put("namespaces", info.namespaces());
        json.put("created", info.created());
        return json;
    }

    /** The secret with its value under {@code secret}, as the store answers {@code include_secret=true}. */
    static Map<String, Object> revealed(SecretValue value, boolean global) {
        Map<String, Object> json = global ? globalSecret(value.info()) : pipelineSecret(value.info());
        json.put("secret", value.value());
        return json;
    }

    static List<Map<String, Object>> pipelineSecrets(List<SecretInfo> secrets) {
        return secrets.stream().map(StoreJson::pipelineSecret).toList();
    }

    static List<Map<String, Object>> globalSecrets(List<SecretInfo> secrets) {
        return secrets.stream().map(StoreJson::globalSecret).toList();
    }
}
