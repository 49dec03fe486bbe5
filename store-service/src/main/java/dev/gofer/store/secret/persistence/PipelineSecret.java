package dev.gofer.store.secret.persistence;

import java.time.Instant;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A pipeline secret: its value only as AES-256-GCM ciphertext with nonce and key version. */
@Entity
@Table(name = "pipeline_secrets")
public class PipelineSecret {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "namespace_id", nullable = false)
    private String namespaceId;

    @Column(name = "pipeline_id", nullable = false)
    private String pipelineId;

    @Column(name = "key", nullable = false)
    private String secretKey;

    @Column(name = "nonce", nullable = false)
    private byte[] nonce;

    @Column(name = "ciphertext", nullable = false)
    private byte[] ciphertext;

    @Column(name = "key_version", nullable = false)
    private int keyVersion;

    @Column(name = "created", nullable = false)
    private Instant created;

    public Long getId() {
        return id;
    }

    public String getNamespaceId() {
        return namespaceId;
    }

    public void setNamespaceId(String namespaceId) {
        this.namespaceId = namespaceId;
    }

    public String getPipelineId() {
        return pipelineId;
    }

    public void setPipelineId(String pipelineId) {
        this.pipelineId = pipelineId;
    }

    public String getSecretKey() {
        return secretKey;
    }

    public void setSecretKey(String secretKey) {
        this.secretKey = secretKey;
    }

    public byte[] getNonce() {
        return nonce;
    }

    public void setNonce(byte[] nonce) {
        this.nonce = nonce;
    }

    public byte[] getCiphertext() {
        return ciphertext;
    }

    public void setCiphertext(byte[] ciphertext) {
        this.ciphertext = ciphertext;
    }

    public int getKeyVersion() {
        return keyVersion;
    }

    public void setKeyVersion(int keyVersion) {
        this.keyVersion = keyVersion;
    }

    public Instant getCreated() {
        return created;
    }

    public void setCreated(Instant created) {
        this.created = created;
    }
}
