/** The {@code gofer} command line: picocli commands over the SDK's {@link dev.gofer.sdk.GoferClient}. */
package dev.gofer.cli;
