/** Namespaces: the top of Gofer's hierarchy; each owns pipelines. The {@code default} namespace always exists. */
package dev.gofer.api.namespace;
