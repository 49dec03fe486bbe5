/** The subscriptions table (schema trigger): entity and Panache repository. */
package dev.gofer.trigger.subscription.persistence;
