/** The namespace entity and its repository, including the cascading delete of a namespace's pipelines. */
package dev.gofer.api.namespace.persistence;
