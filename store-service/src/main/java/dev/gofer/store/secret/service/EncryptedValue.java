package dev.gofer.store.secret.service;

/** A secret value as stored: AES-256-GCM {@code ciphertext} (tag included), its {@code nonce}, the key version. */
public record EncryptedValue(byte[] nonce, byte[] ciphertext, int keyVersion) {

    @Override
    public String toString() {
        return "EncryptedValue[keyVersion=" + keyVersion + ", " + ciphertext.length + " bytes]";
    }
}
