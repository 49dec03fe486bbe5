/** The gofer.events consumer (group gofer-store-runs): run events in, everything else ignored. */
package dev.gofer.store.run.messaging;
