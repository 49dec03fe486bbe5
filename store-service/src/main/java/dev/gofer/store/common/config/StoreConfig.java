package dev.gofer.store.common.config;

import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code gofer.store.*} settings. */
@ConfigMapping(prefix = "gofer.store")
public interface StoreConfig {

    /** Base64 of 32 random bytes that encrypts secrets at rest (env {@code GOFER_STORE_ENCRYPTION_KEY}). */
    Optional<String> encryptionKey();

    /** The version recorded with every value encrypted under {@link #encryptionKey()}, for later rotation. */
    @WithDefault("1")
    int encryptionKeyVersion();

    /** The largest object body accepted, in bytes; larger bodies get 413. */
    @WithDefault("10485760")
    long maxObjectBytes();
}
