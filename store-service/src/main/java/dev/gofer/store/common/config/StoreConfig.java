package dev.gofer.store.common.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The {@code gofer.store.*} settings. */
@ConfigMapping(prefix = "gofer.store")
public interface StoreConfig {

    /** Base64 of 32 random bytes that encrypts secrets at rest (env {@code GOFER_STORE_ENCRYPTION_KEY}). */
    Optional<String> encryptionKey();

    /** The version recorded with every value encrypted under {@link #encryptionKey()}; raise it when rotating. */
    @WithDefault("1")
    int encryptionKeyVersion();

    /**
     * Keys of earlier versions, still needed to read rows not yet re-encrypted: {@code 1:<base64>,2:<base64>} (env
     * {@code GOFER_STORE_PREVIOUS_ENCRYPTION_KEYS}).
     */
    Optional<String> previousEncryptionKeys();

    /** Secrets re-encrypted per transaction when rotating at startup. */
    @WithDefault("100")
    int reencryptBatchSize();

    /** The largest object body accepted, in bytes; larger bodies get 413 and nothing is stored. */
    @WithDefault("10485760")
    long maxObjectBytes();

    /** Object bytes are read, written and returned in chunks of this size (one database row each). */
    @WithDefault("262144")
    int objectChunkBytes();

    /** Most pipeline objects per pipeline; a put beyond it evicts the oldest. 0 means no limit. */
    @WithDefault("50")
    int pipelineObjectLimit();

    /** The objects of a complete run are deleted once this many newer runs of its pipeline exist. 0: never. */
    @WithDefault("20")
    int runObjectExpiry();

    /**
     * How long store-service remembers that it published an attempt's resolution, so that a to-resolve record
     * delivered again publishes nothing (Kafka's default retention of committed offsets).
     */
    @WithDefault("7d")
    Duration resolvedAttemptRetention();
}
