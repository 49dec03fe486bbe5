/**
 * The {@code gofer} command line: picocli commands over the SDK's {@link dev.gofer.sdk.GoferClient} and
 * {@link dev.gofer.sdk.GoferStoreClient}.
 */
package dev.gofer.cli;
