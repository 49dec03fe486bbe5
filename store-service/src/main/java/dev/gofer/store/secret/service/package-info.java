/** Secret use cases and at-rest encryption (AES-256-GCM under gofer.store.encryption-key). */
package dev.gofer.store.secret.service;
