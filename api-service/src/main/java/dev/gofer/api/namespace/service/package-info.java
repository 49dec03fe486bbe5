/** Namespace rules: identifiers, the {@code default} namespace, when a namespace may be deleted. */
package dev.gofer.api.namespace.service;
