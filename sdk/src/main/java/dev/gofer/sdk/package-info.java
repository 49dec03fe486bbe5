/**
 * Gofer's Java SDK: a fluent pipeline builder ({@link dev.gofer.sdk.Pipeline}, {@link dev.gofer.sdk.CustomTask}) that
 * validates and prints Gofer's pipeline JSON, and a small REST client ({@link dev.gofer.sdk.GoferClient}).
 */
package dev.gofer.sdk;
