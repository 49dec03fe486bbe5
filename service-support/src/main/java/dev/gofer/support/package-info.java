/**
 * service-support: the mechanisms every Gofer service needs the same way, written once. No domain code lives here,
 * and nothing here imports a service's package; services use it, never the other way round.
 */
package dev.gofer.support;
