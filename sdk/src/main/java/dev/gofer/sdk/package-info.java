/**
 * Gofer's Java SDK: a fluent pipeline builder ({@link dev.gofer.sdk.Pipeline}, {@link dev.gofer.sdk.CustomTask}) that
 * validates and prints Gofer's pipeline JSON, a small REST client of the API ({@link dev.gofer.sdk.GoferClient}) and
 * one of the store's secrets and objects ({@link dev.gofer.sdk.GoferStoreClient}).
 */
package dev.gofer.sdk;
