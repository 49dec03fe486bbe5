/** The event contract between Gofer's services and with outside publishers: records, envelope, topics, serde. */
package dev.gofer.events;
