/** Secret use cases, at-rest encryption (AES-256-GCM key ring), key checks and rotation. */
package dev.gofer.store.secret.service;
